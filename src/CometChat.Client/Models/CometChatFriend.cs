using System.Text.Json.Serialization;
using CometChat.Client.Json;

namespace CometChat.Client.Models;

/// <summary>
/// A friend of <see cref="FriendOf"/>. Like every user object, <see cref="Uid"/>, <see cref="Name"/> and
/// <see cref="Role"/> are the friend's own, so piping it to a user cmdlet acts on the friend.
/// </summary>
public sealed class CometChatFriend
{
    /// <summary>The friend's uid.</summary>
    public string Uid { get; set; } = string.Empty;

    /// <summary>The user whose friend this is. Friendships go both ways.</summary>
    [JsonIgnore]
    public string FriendOf { get; set; } = string.Empty;

    /// <summary>The friend's display name.</summary>
    public string? Name { get; set; }

    /// <summary>The friend's avatar URL.</summary>
    public string? Avatar { get; set; }

    /// <summary>The friend's role.</summary>
    public string? Role { get; set; }

    /// <summary>The friend's presence: <c>online</c> or <c>offline</c>.</summary>
    public string? Status { get; set; }

    /// <summary>When the friend was last active.</summary>
    [JsonConverter(typeof(UnixSecondsConverter))]
    public DateTimeOffset? LastActiveAt { get; set; }

    /// <summary>The one-to-one conversation id of the two users.</summary>
    public string? ConversationId { get; set; }

    /// <inheritdoc />
    public override string ToString() => Uid;
}
