namespace CometChat.Client.Errors;

/// <summary>CometChat answered with an error envelope (or an unexpected status).</summary>
public sealed class CometChatApiException : CometChatException
{
    /// <summary>Creates the exception.</summary>
    public CometChatApiException(int statusCode, string errorCode, string message, string? devMessage,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? details, TimeSpan? retryAfter = null)
        : base(errorCode, message)
    {
        StatusCode = statusCode;
        DevMessage = devMessage;
        Details = details ?? new Dictionary<string, IReadOnlyList<string>>();
        RetryAfter = retryAfter;
    }

    /// <summary>HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>CometChat's developer message.</summary>
    public string? DevMessage { get; }

    /// <summary>Per-field validation messages, keyed like <c>uid</c> or <c>tags.0</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Details { get; }

    /// <summary>How long the server asked to wait (429).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether the failure is the kind a retry can cure: rate limiting or a server-side fault.</summary>
    public bool IsTransient => TransientStatus.Is(StatusCode);

    /// <summary>Whether the API key was missing or not accepted (not a per-record problem).</summary>
    public bool IsAuthenticationFailure => StatusCode == 401 || ErrorCode.StartsWith("AUTH_ERR_", StringComparison.Ordinal);

    /// <summary>The message followed by each field's validation messages.</summary>
    public string DescribeWithDetails()
    {
        if (Details.Count == 0)
        {
            return Message;
        }
        var fields = Details.Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}");
        return Message + " " + string.Join(" ", fields);
    }
}
