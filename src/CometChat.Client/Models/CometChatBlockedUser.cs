using System.Text.Json.Serialization;
using CometChat.Client.Json;

namespace CometChat.Client.Models;

/// <summary>
/// A user that <see cref="BlockedBy"/> has blocked. Like every user object, <see cref="Uid"/>, <see cref="Name"/>
/// and <see cref="Role"/> are the blocked user's own, so piping it to a user cmdlet acts on the blocked user.
/// </summary>
public sealed class CometChatBlockedUser
{
    /// <summary>The blocked user's uid.</summary>
    public string Uid { get; set; } = string.Empty;

    /// <summary>The user who placed the block.</summary>
    [JsonIgnore]
    public string BlockedBy { get; set; } = string.Empty;

    /// <summary>The blocked user's display name.</summary>
    public string? Name { get; set; }

    /// <summary>The blocked user's avatar URL.</summary>
    public string? Avatar { get; set; }

    /// <summary>The blocked user's role.</summary>
    public string? Role { get; set; }

    /// <summary>The blocked user's presence.</summary>
    public string? Status { get; set; }

    /// <summary>When the block was made.</summary>
    [JsonPropertyName("blockedByMeAt")]
    [JsonConverter(typeof(UnixSecondsConverter))]
    public DateTimeOffset? BlockedAt { get; set; }

    /// <summary>Whether the blocked user has also blocked <see cref="BlockedBy"/>.</summary>
    public bool? HasBlockedMe { get; set; }

    /// <summary>The one-to-one conversation id of the two users.</summary>
    public string? ConversationId { get; set; }

    /// <inheritdoc />
    public override string ToString() => Uid;
}
