namespace CometChat.Client.Http;

/// <summary>
/// The headers of a request as they may be shown (debug output, logs): the values of headers that carry
/// credentials are replaced by <c>***</c>. The only place where request headers are turned into text.
/// </summary>
public static class HeaderRedaction
{
    /// <summary>What a secret header's value is shown as.</summary>
    public const string Hidden = "***";

    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "apikey", "authorization", "proxy-authorization", "cookie", "authtoken",
    };

    /// <summary>Whether a header's value must never be shown.</summary>
    public static bool IsSecret(string name) => SecretHeaders.Contains(name);

    // User-Agent's values are product tokens separated by spaces (RFC 9110 10.1.5); other lists take commas.
    private static string Separator(string header) => string.Equals(header, "User-Agent", StringComparison.OrdinalIgnoreCase) ? " " : ", ";

    /// <summary>The request's headers (content headers included) with secret values hidden.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Describe(HttpRequestMessage message)
    {
        var headers = message.Headers.AsEnumerable();
        if (message.Content is not null)
        {
            headers = headers.Concat(message.Content.Headers);
        }
        return headers
            .Select(h => new KeyValuePair<string, string>(h.Key, IsSecret(h.Key) ? Hidden : string.Join(Separator(h.Key), h.Value)))
            .ToList();
    }
}
