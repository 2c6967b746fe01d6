using System.Text.Json.Serialization;
using CometChat.Client.Json;

namespace CometChat.Client.Models;

/// <summary>A CometChat user as the REST API returns it. Absent fields are null.</summary>
public sealed class CometChatUser
{
    /// <summary>The unique id, always lowercase.</summary>
    public string Uid { get; set; } = string.Empty;

    /// <summary>Display name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Avatar URL.</summary>
    public string? Avatar { get; set; }

    /// <summary>Profile URL.</summary>
    public string? Link { get; set; }

    /// <summary>Role id; <c>default</c> unless another was given.</summary>
    public string? Role { get; set; }

    /// <summary><c>online</c> or <c>offline</c>.</summary>
    public string? Status { get; set; }

    /// <summary>Status message.</summary>
    public string? StatusMessage { get; set; }

    /// <summary>Free-form metadata (a JSON object).</summary>
    public CometChatMetadata? Metadata { get; set; }

    /// <summary>Tags; lists return them only when asked for.</summary>
    public CometChatTagList? Tags { get; set; }

    /// <summary>When the user was created.</summary>
    [JsonConverter(typeof(UnixSecondsConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the user was last updated.</summary>
    [JsonConverter(typeof(UnixSecondsConverter))]
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>When the user was last active.</summary>
    [JsonConverter(typeof(UnixSecondsConverter))]
    public DateTimeOffset? LastActiveAt { get; set; }

    /// <summary>When the user was deactivated; null for active users.</summary>
    [JsonConverter(typeof(UnixSecondsConverter))]
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>With onBehalfOf: whether this user has blocked the acting user.</summary>
    public bool? HasBlockedMe { get; set; }

    /// <summary>With onBehalfOf: whether the acting user has blocked this user.</summary>
    public bool? BlockedByMe { get; set; }

    /// <summary>With onBehalfOf: the one-to-one conversation id.</summary>
    public string? ConversationId { get; set; }

    /// <summary>A login token, present when one was asked for at creation. A secret, held as a SecureString.</summary>
    [JsonConverter(typeof(SecretConverter))]
    public System.Security.SecureString? AuthToken { get; set; }

    /// <inheritdoc />
    public override string ToString() => Uid;
}
