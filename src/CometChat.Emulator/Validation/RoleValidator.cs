namespace CometChat.Emulator.Validation;

/// <summary>Turns role bodies into roles (§13).</summary>
public static class RoleValidator
{
    private static readonly string[] SettingValues = ["all", "friendsOnly"];

    /// <summary>Validates a create body; null (with <c>body.Errors</c> filled) when invalid.</summary>
    public static Role? ForCreate(JsonBody body)
    {
        var errors = body.Errors;
        var id = body.String("role");
        var name = body.String("name");
        var description = body.String("description");
        var metadata = FieldRules.Metadata(errors, "metadata", body.ObjectOrObjectText("metadata"));
        var settings = Settings(errors, body.Object("settings"));
        if (!errors.ContainsKey("role")) FieldRules.Identifier(errors, "role", id);
        if (!errors.ContainsKey("name")) FieldRules.RequiredText(errors, "name", name, 100);
        FieldRules.MaxLength(errors, "description", description, 255);
        if (!errors.IsEmpty)
        {
            return null;
        }
        return new Role
        {
            Id = id!.ToLowerInvariant(),
            Name = name!,
            Description = string.IsNullOrEmpty(description) ? null : description,
            Metadata = metadata,
            Settings = settings,
        };
    }

    /// <summary>Validates an update body; null (with <c>body.Errors</c> filled) when invalid.</summary>
    public static Func<Role, Role>? ForUpdate(JsonBody body)
    {
        var errors = body.Errors;
        var name = body.String("name");
        var description = body.String("description");
        var metadataElement = body.ObjectOrObjectText("metadata");
        var settingsElement = body.Object("settings");
        var metadata = FieldRules.Metadata(errors, "metadata", metadataElement);
        var settings = Settings(errors, settingsElement);
        var unset = FieldRules.Unset(errors, body.StringArray("unset"), "settings", "description", "metadata");
        if (body.Root.TryGetProperty("name", out _) && !errors.ContainsKey("name"))
        {
            if (FieldRules.IsBlank(name))
            {
                errors.Add("name", "The name field must have a value.");
            }
            FieldRules.MaxLength(errors, "name", name, 100);
        }
        FieldRules.MaxLength(errors, "description", description, 255);
        if (!errors.IsEmpty)
        {
            return null;
        }
        return r =>
        {
            var next = r with
            {
                Name = name ?? r.Name,
                Description = description is null ? r.Description : description.Length == 0 ? null : description,
                Metadata = metadataElement is null ? r.Metadata : metadata,
                Settings = settingsElement is null ? r.Settings : settings,
            };
            return next with
            {
                Settings = unset.Contains("settings") ? null : next.Settings,
                Description = unset.Contains("description") ? null : next.Description,
                Metadata = unset.Contains("metadata") ? null : next.Metadata,
            };
        };
    }

    /// <summary><c>settings</c>: only <c>listUsers</c> and <c>sendMessagesTo</c>, each "all" or "friendsOnly".</summary>
    private static string? Settings(ValidationErrors errors, JsonElement? settings)
    {
        if (settings is not { } element)
        {
            return null;
        }
        foreach (var property in element.EnumerateObject())
        {
            var key = $"settings.{property.Name}";
            if (property.Name is not ("listUsers" or "sendMessagesTo"))
            {
                errors.Add(key, $"The {key} setting is not supported. Allowed: listUsers, sendMessagesTo.");
            }
            else if (property.Value.ValueKind != JsonValueKind.String || !SettingValues.Contains(property.Value.GetString()))
            {
                errors.Add(key, $"The selected {key} is invalid. Allowed: all, friendsOnly.");
            }
        }
        var compact = JsonBody.Compact(element);
        return compact == "{}" ? null : compact;
    }
}
