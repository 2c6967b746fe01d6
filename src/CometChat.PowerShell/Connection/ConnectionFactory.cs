using System;
using System.Reflection;
using CometChat.Client;

namespace CometChat.PowerShell;

/// <summary>Builds connections the same way for Connect-CometChat and Start-CometChatEmulator.</summary>
internal static class ConnectionFactory
{
    private static readonly string UserAgent =
        $"CometChat.PowerShell/{typeof(ConnectionFactory).Assembly.GetName().Version} PowerShell/{Environment.Version}";

    public static CometChatContext Create(Uri baseUri, string apiKey, string? appId, string? region, bool isEmulator,
        int? coreRequestsPerMinute = null, int? standardRequestsPerMinute = null, TimeSpan? attemptTimeout = null, int? maxRetries = null)
    {
        var options = new CometChatClientOptions
        {
            BaseUri = baseUri,
            ApiKey = apiKey,
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
        return new CometChatContext(new CometChatClient(options), appId, region, isEmulator);
    }

    /// <summary>Normalizes a base URI: absolute http(s), ending in <c>/v3</c>.</summary>
    public static Uri NormalizeBaseUri(Uri uri)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The base URI '{uri}' must be an absolute http or https URI, e.g. https://<appId>.api-us.cometchat.io/v3.");
        }
        var text = uri.AbsoluteUri.TrimEnd('/');
        if (!text.EndsWith("/v3", StringComparison.OrdinalIgnoreCase))
        {
            text += "/v3";
        }
        return new Uri(text);
    }
}
