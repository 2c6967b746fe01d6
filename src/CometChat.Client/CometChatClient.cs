using System.Globalization;
using System.Text;
using System.Text.Json;
using CometChat.Client.Errors;
using CometChat.Client.Http;
using CometChat.Client.Json;
using CometChat.Client.Models;
using CometChat.Client.Requests;
using CometChat.Client.Validation;

namespace CometChat.Client;

/// <summary>
/// A client of the CometChat REST API v3 for one app. Thread-safe; share one per app so that its pacer sees every
/// request. Operations are grouped by resource in the partial files of this class.
/// </summary>
public sealed partial class CometChatClient : IDisposable
{
    private readonly CometChatTransport _transport;

    /// <summary>Creates a client.</summary>
    public CometChatClient(CometChatClientOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.ApiKey is null || options.ApiKey.Length == 0)
        {
            throw new ArgumentException("An API key is required.", nameof(options));
        }
        Pacer = new RequestPacer(options.CoreRequestsPerMinute, options.StandardRequestsPerMinute, options.PacingHeadroom, options.TimeProvider);
        _transport = new CometChatTransport(options.ForTransport(), Pacer);
    }

    /// <summary>The options this client was made with.</summary>
    public CometChatClientOptions Options { get; }

    /// <summary>The connection's rate limiter.</summary>
    public RequestPacer Pacer { get; }

    /// <summary>
    /// Sends a prepared write request (see <see cref="CometChatRequests"/>) and reads its answer. A request that breaks
    /// a rule throws <see cref="CometChatValidationException"/> without being sent.
    /// </summary>
    public async Task<T> SendAsync<T>(PreparedRequest<T> request, CancellationToken cancellationToken = default)
    {
        request.ThrowIfInvalid();
        return Read(await _transport.SendAsync(request.ToApiRequest(), cancellationToken).ConfigureAwait(false), request.Read);
    }

    private Task<ApiExchange> SendAsync(HttpMethod method, string path, object? body, RateBucket bucket, CancellationToken cancellationToken, string? onBehalfOf = null)
        => onBehalfOf is not null && InputRules.Identifier("onBehalfOf", onBehalfOf) is { } problem
            ? Task.FromException<ApiExchange>(new CometChatValidationException(new[] { problem }))
            : _transport.SendAsync(new ApiRequest(method, path, body is null ? null : CometChatJson.Serialize(body), bucket, onBehalfOf), cancellationToken);

    private T ReadData<T>(ApiExchange exchange) => Read(exchange, Answers.Data<T>);

    private CometChatPage<T> ReadPage<T>(ApiExchange exchange) => Read(exchange, Answers.Page<T>);

    /// <summary>
    /// Reads a successful answer's JSON object. Whatever is wrong with it (not JSON, not an object, a field of the
    /// wrong type, nesting too deep) becomes one <see cref="CometChatResponseException"/> that quotes the start of
    /// the body, rather than a parser exception from deep inside.
    /// </summary>
    private T Read<T>(ApiExchange exchange, Func<JsonElement, T> read)
    {
        try
        {
            // A byte-order mark is legal in front of UTF-8 JSON (some proxies add one); the parser wants it gone.
            var body = new ReadOnlyMemory<byte>(exchange.Body);
            if (body.Length >= 3 && exchange.Body[0] == 0xEF && exchange.Body[1] == 0xBB && exchange.Body[2] == 0xBF)
            {
                body = body.Slice(3);
            }
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException($"it is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object");
            }
            return read(document.RootElement);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or FormatException or NotSupportedException or ArgumentException or OverflowException)
        {
            throw new CometChatResponseException(exchange.StatusCode,
                $"CometChat's answer (HTTP {exchange.StatusCode}) could not be read: {error.Message} Start of the answer: {ErrorEnvelope.Quote(exchange.Body, Options.RevealApiKey())}", error);
        }
    }

    /// <summary>A uid, role id or token as one escaped path segment; anything else is refused before a request.</summary>
    private static string Segment(string field, string value) => InputRules.PathSegment(field, value);

    private static string Query(IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        var builder = new StringBuilder();
        foreach (var pair in parameters.Where(p => !string.IsNullOrEmpty(p.Value)))
        {
            builder.Append(builder.Length == 0 ? '?' : '&')
                .Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value!));
        }
        return builder.ToString();
    }

    private static string? Join(IEnumerable<string>? values)
        => values is null ? null : string.Join(",", values.Where(v => !string.IsNullOrWhiteSpace(v)));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void CheckPaging(int page, int perPage)
    {
        if (perPage is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(perPage), perPage, "perPage must be between 1 and 1000.");
        }
        if (page < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(page), page, "page must be 1 or more.");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _transport.Dispose();
    }
}
