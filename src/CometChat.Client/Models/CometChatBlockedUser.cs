using System;
using System.Text.Json.Serialization;
using CometChat.Client.Json;

namespace CometChat.Client.Models;

/// <summary>
/// A block: <see cref="Uid"/> has blocked <see cref="BlockedUid"/>. Shaped so that piping a list of blocks into
/// Unblock-CometChatUser binds both uids by name.
/// </summary>
public sealed class CometChatBlockedUser
{
    /// <summary>The user who blocked.</summary>
    [JsonIgnore]
    public string Uid { get; set; } = string.Empty;

    /// <summary>The user who is blocked.</summary>
    [JsonPropertyName("uid")]
    public string BlockedUid { get; set; } = string.Empty;

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

    /// <summary>Whether the blocked user has also blocked <see cref="Uid"/>.</summary>
    public bool? HasBlockedMe { get; set; }

    /// <summary>The one-to-one conversation id of the two users.</summary>
    public string? ConversationId { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Uid} -> {BlockedUid}";
}
