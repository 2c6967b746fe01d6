namespace CometChat.Emulator.Model;

/// <summary>How a user is shown in one response.</summary>
public sealed record UserView
{
    /// <summary>Plain view without tags (lists without <c>withTags</c>).</summary>
    public static readonly UserView Plain = new();

    /// <summary>View with tags (get, create, update).</summary>
    public static readonly UserView WithTags = new() { IncludeTags = true };

    public bool IncludeTags { get; init; }

    /// <summary>Shown on create with <c>withAuthToken</c>.</summary>
    public string? AuthToken { get; init; }

    /// <summary>Relation to the <c>onBehalfOf</c> user, when given.</summary>
    public Relation? Relation { get; init; }
}

/// <summary>Relation fields of decision #12 and the blocked-users list.</summary>
public sealed record Relation(bool BlockedByMe, long? BlockedByMeAt, bool HasBlockedMe, string ConversationId)
{
    /// <summary>Leave out false flags, as the official friends-list example does.</summary>
    public bool Sparse { get; init; }

    /// <summary><c>"{a}_user_{b}"</c> with a and b sorted.</summary>
    public static string ConversationIdOf(string a, string b) =>
        string.CompareOrdinal(a, b) <= 0 ? $"{a}_user_{b}" : $"{b}_user_{a}";
}

/// <summary>Writes the user object of §6, leaving out null and empty fields (#7).</summary>
public static class UserJson
{
    /// <summary>Writes one user object.</summary>
    public static void Write(Utf8JsonWriter w, User u, UserView view)
    {
        w.WriteStartObject();
        w.WriteString("uid", u.Uid);
        w.WriteString("name", u.Name);
        if (u.Avatar is not null) w.WriteString("avatar", u.Avatar);
        if (u.Link is not null) w.WriteString("link", u.Link);
        if (u.Metadata is not null)
        {
            w.WritePropertyName("metadata");
            w.WriteRawValue(u.Metadata, skipInputValidation: true);
        }
        w.WriteString("status", u.Online ? "online" : "offline");
        if (u.StatusMessage is not null) w.WriteString("statusMessage", u.StatusMessage);
        w.WriteString("role", u.Role);
        if (view.IncludeTags && u.Tags is { Length: > 0 })
        {
            w.WriteStartArray("tags");
            foreach (var tag in u.Tags) w.WriteStringValue(tag);
            w.WriteEndArray();
        }
        w.WriteNumber("createdAt", u.CreatedAt);
        if (u.UpdatedAt is { } updated) w.WriteNumber("updatedAt", updated);
        if (u.LastActiveAt is { } active) w.WriteNumber("lastActiveAt", active);
        if (u.DeactivatedAt is { } deactivated) w.WriteNumber("deactivatedAt", deactivated);
        if (view.AuthToken is not null) w.WriteString("authToken", view.AuthToken);
        if (view.Relation is { } r)
        {
            if (r.BlockedByMe || !r.Sparse) w.WriteBoolean("blockedByMe", r.BlockedByMe);
            if (r.BlockedByMeAt is { } at)
            {
                w.WriteNumber("blockedByMeAt", at);
                w.WriteNumber("blockedAt", at);
            }
            if (r.HasBlockedMe || !r.Sparse) w.WriteBoolean("hasBlockedMe", r.HasBlockedMe);
            w.WriteString("conversationId", r.ConversationId);
        }
        w.WriteEndObject();
    }
}
