namespace CometChat.Client.Http;

/// <summary>
/// What the transport needs to send requests: where, with which key and headers, and how patient to be. Made from
/// the client's options by the client, so that this floor does not depend on the one above it.
/// </summary>
internal sealed class TransportSettings
{
    public Uri BaseUri { get; set; } = null!;

    /// <summary>Gives the API key as text for one request's header (and to scrub it from errors); never kept.</summary>
    public Func<string> RevealApiKey { get; set; } = null!;

    public string UserAgent { get; set; } = string.Empty;

    public HttpMessageHandler? Handler { get; set; }

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public TimeSpan AttemptTimeout { get; set; }

    public int MaxRetries { get; set; }

    public TimeSpan MaxTotalTime { get; set; }

    public TimeSpan RetryBaseDelay { get; set; }
}
