namespace CometChat.Client.Http;

/// <summary>A request as the client means it: sent once or several times by the retry pipeline.</summary>
internal sealed class ApiRequest
{
    public ApiRequest(HttpMethod method, string path, byte[]? body, RateBucket bucket, string? onBehalfOf = null)
    {
        Method = method;
        Path = path;
        Body = body;
        Bucket = bucket;
        OnBehalfOf = onBehalfOf;
    }

    public HttpMethod Method { get; }

    /// <summary>Path and query below the base URI, e.g. <c>/users/alice</c>.</summary>
    public string Path { get; }

    public byte[]? Body { get; }

    public RateBucket Bucket { get; }

    public string? OnBehalfOf { get; }

    /// <summary>Attempts made so far.</summary>
    public int Attempts { get; set; }

    /// <summary>An earlier attempt may have been applied although no success came back (timeout, dropped
    /// connection, 5xx). A create that then meets "already exists" may be its own echo.</summary>
    public bool HadAmbiguousFailure { get; set; }
}
