using System.Text.Json.Serialization;

namespace CometChat.Client.Models;

/// <summary>
/// The body of <c>PUT /users/{uid}</c>. A null field is left untouched; <see cref="Unset"/> clears avatar,
/// link or metadata; an empty <see cref="Tags"/> list clears tags and an empty <see cref="StatusMessage"/>
/// clears the status message.
/// </summary>
public sealed class UserUpdate
{
    /// <summary>New display name.</summary>
    public string? Name { get; set; }

    /// <summary>New avatar URL.</summary>
    public string? Avatar { get; set; }

    /// <summary>New profile URL.</summary>
    public string? Link { get; set; }

    /// <summary>New role id (must exist).</summary>
    public string? Role { get; set; }

    /// <summary>New status message; empty clears it.</summary>
    public string? StatusMessage { get; set; }

    /// <summary>Replaces the stored metadata.</summary>
    public CometChatMetadata? Metadata { get; set; }

    /// <summary>Replaces the tags; empty clears them.</summary>
    public IList<string>? Tags { get; set; }

    /// <summary>Fields to clear: <c>avatar</c>, <c>link</c>, <c>metadata</c>.</summary>
    public IList<string>? Unset { get; set; }

    /// <summary>Whether the update changes nothing.</summary>
    [JsonIgnore]
    public bool IsEmpty => Name is null && Avatar is null && Link is null && Role is null && StatusMessage is null
        && Metadata is null && Tags is null && (Unset is null || Unset.Count == 0);
}
