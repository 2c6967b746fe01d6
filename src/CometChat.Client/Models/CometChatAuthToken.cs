using System;
using System.Text.Json.Serialization;
using CometChat.Client.Json;

namespace CometChat.Client.Models;

/// <summary>A login token of a user. The token is a secret: views show it masked.</summary>
public sealed class CometChatAuthToken
{
    /// <summary>The user the token logs in.</summary>
    public string Uid { get; set; } = string.Empty;

    /// <summary>The token itself.</summary>
    [JsonPropertyName("authToken")] public string Token { get; set; } = string.Empty;

    /// <summary>When the token was issued.</summary>
    [JsonConverter(typeof(UnixSecondsConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Platform the token was last used on, when known.</summary>
    public string? Platform { get; set; }

    /// <summary>User agent the token was last used with, when known.</summary>
    public string? UserAgent { get; set; }

    /// <summary>The token with all but its first characters hidden, for display.</summary>
    [JsonIgnore]
    public string MaskedToken => Mask(Token);

    /// <summary>Hides all but the first 6 and last 2 characters.</summary>
    public static string Mask(string? token)
        => string.IsNullOrEmpty(token) ? string.Empty
            : token!.Length <= 10 ? new string('*', token.Length)
            : token.Substring(0, 6) + new string('*', 8) + token.Substring(token.Length - 2);

    /// <inheritdoc />
    public override string ToString() => MaskedToken;
}
