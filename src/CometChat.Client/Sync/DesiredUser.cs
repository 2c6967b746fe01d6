using CometChat.Client.Models;

namespace CometChat.Client.Sync;

/// <summary>The source's fields that a row has, whatever their value (a column present with an empty cell clears).</summary>
[Flags]
public enum UserFields
{
    /// <summary>No field.</summary>
    None = 0,
    /// <summary>Display name.</summary>
    Name = 1,
    /// <summary>Avatar URL.</summary>
    Avatar = 2,
    /// <summary>Profile URL.</summary>
    Link = 4,
    /// <summary>Role.</summary>
    Role = 8,
    /// <summary>Status message.</summary>
    StatusMessage = 16,
    /// <summary>Metadata.</summary>
    Metadata = 32,
    /// <summary>Tags.</summary>
    Tags = 64,
    /// <summary>Whether the user is deactivated (a DeactivatedAt column).</summary>
    Deactivated = 128,
}

/// <summary>
/// What one source row says a user should be. The source is authoritative for the fields it has
/// (<see cref="Given"/>): an empty value clears the field. Fields it lacks are left as CometChat holds them.
/// </summary>
public sealed class DesiredUser
{
    /// <summary>The uid, lowercase.</summary>
    public string Uid { get; set; } = string.Empty;

    /// <summary>The fields the row has.</summary>
    public UserFields Given { get; set; }

    /// <summary>Display name.</summary>
    public string? Name { get; set; }

    /// <summary>Avatar URL; null clears.</summary>
    public string? Avatar { get; set; }

    /// <summary>Profile URL; null clears.</summary>
    public string? Link { get; set; }

    /// <summary>Role; null means <c>default</c>.</summary>
    public string? Role { get; set; }

    /// <summary>Status message; null clears.</summary>
    public string? StatusMessage { get; set; }

    /// <summary>Metadata; null clears.</summary>
    public CometChatMetadata? Metadata { get; set; }

    /// <summary>Tags; null or empty clears (the scope tag is kept by the planner).</summary>
    public IList<string>? Tags { get; set; }

    /// <summary>Whether the row says the user is deactivated (only when <see cref="UserFields.Deactivated"/> is given).</summary>
    public bool Deactivated { get; set; }

    /// <summary>Whether the row has <paramref name="field"/>.</summary>
    public bool Has(UserFields field) => (Given & field) == field;
}
