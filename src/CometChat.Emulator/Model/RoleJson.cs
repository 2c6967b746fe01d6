namespace CometChat.Emulator.Model;

/// <summary>Writes the role object of §13, leaving out null fields.</summary>
public static class RoleJson
{
    /// <summary>Writes one role.</summary>
    public static void Write(Utf8JsonWriter w, Role r)
    {
        w.WriteStartObject();
        w.WriteString("role", r.Id);
        w.WriteString("name", r.Name);
        if (r.Description is not null) w.WriteString("description", r.Description);
        if (r.Metadata is not null)
        {
            w.WritePropertyName("metadata");
            w.WriteRawValue(r.Metadata, skipInputValidation: true);
        }
        if (r.Settings is not null)
        {
            w.WritePropertyName("settings");
            w.WriteRawValue(r.Settings, skipInputValidation: true);
        }
        w.WriteNumber("createdAt", r.CreatedAt);
        if (r.UpdatedAt is { } updated) w.WriteNumber("updatedAt", updated);
        w.WriteEndObject();
    }
}
