namespace CometChat.Emulator.Validation;

/// <summary>A required, non-empty list of non-blank uids in a body (blockedUids, accepted, friends).</summary>
public static class UidList
{
    /// <summary>Reads the list; problems go to <c>body.Errors</c> (keys <c>field</c> and <c>field.N</c>).</summary>
    public static List<string> Read(JsonBody body, string field)
    {
        var uids = body.StringArray(field);
        if (uids is null ? !body.Errors.ContainsKey(field) : uids.Count == 0)
        {
            body.Errors.Add(field, $"The {field} field is required.");
        }
        for (var i = 0; i < (uids?.Count ?? 0); i++)
        {
            var key = $"{field}.{i}";
            if (FieldRules.IsBlank(uids![i]) && !body.Errors.ContainsKey(key))
            {
                body.Errors.Add(key, $"The {key} field is required.");
            }
        }
        return uids ?? [];
    }

    /// <summary>The failure entry fields for an unknown target uid.</summary>
    public static void WriteNotFound(Utf8JsonWriter w, string uid)
    {
        var shown = Uri.EscapeDataString(uid);
        w.WriteString("message", $"The UID {shown} does not exist, please make sure you have created a user with UID {shown}.");
        w.WriteString("code", "ERR_UID_NOT_FOUND");
    }
}
