using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Reflection;
using System.Security;

namespace CometChat.PowerShell;

/// <summary>Builds connections the same way for Connect-CometChat and Start-CometChatEmulator.</summary>
internal static class ConnectionFactory
{
    /// <summary>e.g. <c>CometChat.PowerShell/0.1.0 PowerShell/7.6.9</c>: the module's and PowerShell's own versions.</summary>
    internal static string UserAgent
    {
        get
        {
            var module = typeof(ConnectionFactory).Assembly.GetName().Version!;
            var powerShell = Runspace.DefaultRunspace?.Version?.ToString() ?? "unknown";
            return $"CometChat.PowerShell/{module.ToString(3)} PowerShell/{powerShell}";
        }
    }

    public static CometChatContext Create(Uri baseUri, SecureString apiKey, string? appId, string? region, bool isEmulator,
        int? coreRequestsPerMinute = null, int? standardRequestsPerMinute = null, TimeSpan? attemptTimeout = null, int? maxRetries = null,
        Emulator.EmulatorProcess? emulator = null)
    {
        var options = new CometChatClientOptions
        {
            BaseUri = baseUri,
            // A private read-only copy: the caller may dispose or change its own.
            ApiKey = ReadOnlyCopy(apiKey),
            CoreRequestsPerMinute = coreRequestsPerMinute,
            StandardRequestsPerMinute = standardRequestsPerMinute,
            UserAgent = UserAgent,
        };
        if (attemptTimeout is { } timeout)
        {
            options.AttemptTimeout = timeout;
        }
        if (maxRetries is { } retries)
        {
            options.MaxRetries = retries;
        }
        return new CometChatContext(new CometChatClient(options), appId, region, isEmulator, emulator);
    }

    /// <summary>
    /// Whether a loopback base URI is this module's emulator: it answers <c>GET /_emulator/health</c> (no key
    /// needed) with <c>{"data":{"status":"ok"}}</c>. Anything else, or any other host, is taken as CometChat.
    /// </summary>
    public static async Task<bool> IsEmulatorAtAsync(Uri baseUri, CancellationToken cancellationToken)
    {
        if (!baseUri.IsLoopback)
        {
            return false;
        }
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await http.GetAsync(new Uri(baseUri, "/_emulator/health"), cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return response.IsSuccessStatusCode && body.Replace(" ", string.Empty).Contains("\"status\":\"ok\"");
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static SecureString ReadOnlyCopy(SecureString key)
    {
        var copy = key.Copy();
        copy.MakeReadOnly();
        return copy;
    }

    /// <summary>Normalizes a base URI: absolute http(s), ending in <c>/v3</c>.</summary>
    public static Uri NormalizeBaseUri(Uri uri)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The base URI '{uri}' must be an absolute http or https URI, e.g. https://<appId>.api-us.cometchat.io/v3.");
        }
        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new ArgumentException($"The base URI must be the API root only, without user name, query or fragment, e.g. https://<appId>.api-us.cometchat.io/v3.");
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            // The key travels in a header of every request: in clear text only to this machine (the emulator).
            throw new ArgumentException($"The base URI http://{uri.Authority} uses plain http to another machine, which would send the API key in clear text. Use https, or http only for localhost, 127.0.0.1 or ::1 (the local emulator).");
        }
        var text = uri.AbsoluteUri.TrimEnd('/');
        if (!text.EndsWith("/v3", StringComparison.OrdinalIgnoreCase))
        {
            text += "/v3";
        }
        return new Uri(text);
    }
}
