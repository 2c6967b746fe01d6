using System.Net;
using System.Security;

using CometChat.Client.Http;

namespace CometChat.Client;

/// <summary>How a <see cref="CometChatClient"/> reaches CometChat and how patient it is.</summary>
public sealed class CometChatClientOptions
{
    /// <summary>Production limit of core operations (create/delete user, deactivate, create auth token) per minute.</summary>
    public const int ProductionCoreRequestsPerMinute = ProductionLimits.CoreRequestsPerMinute;

    /// <summary>Production limit of all other operations per minute.</summary>
    public const int ProductionStandardRequestsPerMinute = ProductionLimits.StandardRequestsPerMinute;

    /// <summary>The API root including <c>/v3</c>, e.g. <c>https://{appId}.api-{region}.cometchat.io/v3</c>.</summary>
    public Uri BaseUri { get; set; } = new("http://127.0.0.1/v3");

    /// <summary>
    /// The REST API key. It stays encrypted in memory and is revealed only to set the <c>apikey</c> header of each
    /// request (and to scrub it from error messages); it is never logged, shown or serialized.
    /// </summary>
    public SecureString? ApiKey { get; set; }

    /// <summary>Pace core operations to this many per minute; null uses the production limit and lowers it when the
    /// service reports a lower one; 0 turns pacing off.</summary>
    public int? CoreRequestsPerMinute { get; set; }

    /// <summary>Pace standard operations to this many per minute; null and 0 as for <see cref="CoreRequestsPerMinute"/>.</summary>
    public int? StandardRequestsPerMinute { get; set; }

    /// <summary>Share of the limit the pacer aims for, leaving headroom for clock skew between client and service.</summary>
    public double PacingHeadroom { get; set; } = 0.975;

    /// <summary>How long one attempt may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt (429, 5xx, dropped connections, timeouts).</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>Upper bound of the whole operation, waits included.</summary>
    public TimeSpan MaxTotalTime { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>First backoff delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The User-Agent header.</summary>
    public string UserAgent { get; set; } = "CometChat.Client";

    /// <summary>Replaces the HTTP handler (tests).</summary>
    public HttpMessageHandler? Handler { get; set; }

    /// <summary>Replaces the clock (tests).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The key as text, for the header of one request. Callers must not keep it.</summary>
    internal string RevealApiKey() => ApiKey is null ? string.Empty : new NetworkCredential(string.Empty, ApiKey).Password;

    /// <summary>What the transport needs of these options.</summary>
    internal TransportSettings ForTransport() => new()
    {
        BaseUri = BaseUri,
        RevealApiKey = RevealApiKey,
        UserAgent = UserAgent,
        Handler = Handler,
        TimeProvider = TimeProvider,
        AttemptTimeout = AttemptTimeout,
        MaxRetries = MaxRetries,
        MaxTotalTime = MaxTotalTime,
        RetryBaseDelay = RetryBaseDelay,
    };

    /// <summary>Base URI of an app: <c>https://{appId}.api-{region}.cometchat.io/v3</c>.</summary>
    public static Uri AppBaseUri(string appId, string region)
    {
        var id = (appId ?? string.Empty).Trim();
        // The app ID is the first label of a host name: letters, digits and inner dashes, at most 63 characters.
        if (!System.Text.RegularExpressions.Regex.IsMatch(id, "^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"))
        {
            throw new ArgumentException(id.Length == 0
                ? "The app ID is empty. Copy it from the CometChat dashboard (API & Auth Keys), e.g. 2a1b3c4d5e6f."
                : $"The app ID '{appId}' is not valid: an app ID is letters and digits (the dashboard's API & Auth Keys page shows it, e.g. 2a1b3c4d5e6f); it becomes the host name {{appId}}.api-{{region}}.cometchat.io.", nameof(appId));
        }
        return new Uri($"https://{id}.api-{region.Trim().ToLowerInvariant()}.cometchat.io/v3");
    }
}
