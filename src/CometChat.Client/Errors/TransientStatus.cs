namespace CometChat.Client.Errors;

/// <summary>The one rule for which HTTP answers are worth retrying: rate limited (429) and the server-side failures
/// a retry can get past (500, 502, 503, 504).</summary>
public static class TransientStatus
{
    /// <summary>Whether an answer with <paramref name="statusCode"/> may succeed when sent again.</summary>
    public static bool Is(int statusCode) => statusCode is 429 or 500 or 502 or 503 or 504;
}
