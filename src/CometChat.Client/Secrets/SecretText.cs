using System.Net;
using System.Security;

namespace CometChat.Client.Secrets;

/// <summary>
/// Secrets held as read-only SecureStrings (API keys, auth tokens), so that they show as
/// <c>System.Security.SecureString</c> in every view, log and serialization, and are read only where they are used.
/// </summary>
public static class SecretText
{
    /// <summary>A read-only SecureString holding <paramref name="text"/>.</summary>
    public static SecureString Protect(string text)
    {
        var secret = new SecureString();
        foreach (var character in text)
        {
            secret.AppendChar(character);
        }
        secret.MakeReadOnly();
        return secret;
    }

    /// <summary>The text of <paramref name="secret"/>; empty for null.</summary>
    public static string Reveal(SecureString? secret) => secret is null ? string.Empty : new NetworkCredential(string.Empty, secret).Password;

    /// <summary>The secret with all but its first 6 and last 2 characters hidden, for display: <c>tia_17********c5</c>.</summary>
    public static string Mask(SecureString? secret) => Mask(Reveal(secret));

    /// <summary>The text with all but its first 6 and last 2 characters hidden; short texts are hidden entirely.</summary>
    public static string Mask(string? text)
        => string.IsNullOrEmpty(text) ? string.Empty
            : text!.Length <= 10 ? new string('*', text.Length)
            : text.Substring(0, 6) + new string('*', 8) + text.Substring(text.Length - 2);
}
