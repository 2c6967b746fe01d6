using System.Text.Json.Serialization;
using CometChat.Client.Json;

namespace CometChat.Client.Models;

/// <summary>A role, which decides what its users may list and whom they may message.</summary>
public sealed class CometChatRole
{
    /// <summary>The role id (lowercase, alpha-dash).</summary>
    [JsonPropertyName("role")] public string Role { get; set; } = string.Empty;

    /// <summary>Display name.</summary>
    public string? Name { get; set; }

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>Free-form metadata.</summary>
    public CometChatMetadata? Metadata { get; set; }

    /// <summary>Settings such as <c>listUsers</c> and <c>sendMessagesTo</c> (<c>all</c> or <c>friendsOnly</c>).</summary>
    public CometChatMetadata? Settings { get; set; }

    /// <summary>When the role was created.</summary>
    [JsonConverter(typeof(UnixSecondsConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the role was last updated.</summary>
    [JsonConverter(typeof(UnixSecondsConverter))]
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <inheritdoc />
    public override string ToString() => Role;
}
