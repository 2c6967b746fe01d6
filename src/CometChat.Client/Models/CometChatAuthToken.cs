using System.Security;
using System.Text.Json.Serialization;
using CometChat.Client.Json;
using CometChat.Client.Secrets;

namespace CometChat.Client.Models;

/// <summary>
/// A login token of a user. The token is a secret, held as a SecureString: views show it masked
/// (<c>tia_17********c5</c>), and <c>ConvertFrom-SecureString -AsPlainText</c> reads it.
/// </summary>
public sealed class CometChatAuthToken
{
    /// <summary>The user the token logs in.</summary>
    public string Uid { get; set; } = string.Empty;

    /// <summary>The token itself.</summary>
    [JsonPropertyName("authToken")]
    [JsonConverter(typeof(SecretConverter))]
    public SecureString? Token { get; set; }

    /// <summary>When the token was issued.</summary>
    [JsonConverter(typeof(UnixSecondsConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Platform the token was last used on, when known.</summary>
    public string? Platform { get; set; }

    /// <summary>User agent the token was last used with, when known.</summary>
    public string? UserAgent { get; set; }

    /// <inheritdoc />
    public override string ToString() => SecretText.Mask(Token);
}
