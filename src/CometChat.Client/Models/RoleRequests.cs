using System.Text.Json.Serialization;

namespace CometChat.Client.Models;

/// <summary>The body of <c>POST /roles</c>.</summary>
public sealed class NewRole
{
    /// <summary>Role id: letters, digits, dashes, underscores; at most 100 characters.</summary>
    [JsonPropertyName("role")] public string Role { get; set; } = string.Empty;

    /// <summary>Display name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Description, at most 255 characters.</summary>
    public string? Description { get; set; }

    /// <summary>Metadata.</summary>
    public CometChatMetadata? Metadata { get; set; }

    /// <summary>Settings: <c>listUsers</c>, <c>sendMessagesTo</c> = <c>all</c> | <c>friendsOnly</c>.</summary>
    public CometChatMetadata? Settings { get; set; }
}

/// <summary>The body of <c>PUT /roles/{role}</c>; null fields are untouched.</summary>
public sealed class RoleUpdate
{
    /// <summary>New display name.</summary>
    public string? Name { get; set; }

    /// <summary>New description.</summary>
    public string? Description { get; set; }

    /// <summary>Replaces the metadata.</summary>
    public CometChatMetadata? Metadata { get; set; }

    /// <summary>Replaces the settings.</summary>
    public CometChatMetadata? Settings { get; set; }

    /// <summary>Fields to clear: <c>description</c>, <c>metadata</c>, <c>settings</c>.</summary>
    public IList<string>? Unset { get; set; }
}
