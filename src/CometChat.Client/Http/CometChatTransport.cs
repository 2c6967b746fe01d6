using System.Diagnostics;
using System.Net.Http.Headers;
using CometChat.Client.Errors;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CometChat.Client.Http;

/// <summary>
/// Sends requests to CometChat: paced by the connection's <see cref="RequestPacer"/>, each attempt bounded by a
/// timeout from the moment it is sent (time held back by pacing or a 429 pause is not part of it), retried with
/// exponential backoff and jitter on 429 (after Retry-After), 5xx, dropped connections and timeouts, the whole
/// bounded by count and total time. Polly does the retrying and timing.
/// </summary>
internal sealed class CometChatTransport : IDisposable
{
    private static readonly ResiliencePropertyKey<ApiRequest> RequestKey = new("CometChat.Request");

    private readonly HttpClient _http;
    private readonly TransportSettings _options;
    private readonly ResiliencePipeline<ApiExchange> _pipeline;
    private readonly ResiliencePipeline _attemptTimeout;

    public CometChatTransport(TransportSettings options, RequestPacer pacer)
    {
        _options = options;
        Pacer = pacer;
        _http = new HttpClient(options.Handler ?? new HttpClientHandler(), disposeHandler: options.Handler is null)
        {
            // Attempts are timed by the pipeline, which knows to retry them.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _pipeline = BuildPipeline(options);
        _attemptTimeout = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout })
            .Build();
    }

    public RequestPacer Pacer { get; }

    /// <summary>Sends <paramref name="request"/> until it succeeds or can't; returns the successful exchange.</summary>
    public async Task<ApiExchange> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, transport) =>
                {
                    try
                    {
                        return Outcome.FromResult(await transport.AttemptAsync(ctx.Properties.GetValue(RequestKey, null!), ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<ApiExchange>(ex);
                    }
                },
                context,
                this).ConfigureAwait(false);

            if (outcome.Exception is { } exception)
            {
                throw Translate(exception, request, cancellationToken);
            }
            var exchange = outcome.Result!;
            if (!exchange.IsSuccess)
            {
                var error = ErrorEnvelope.ToException(exchange, _options.RevealApiKey(), _options.TimeProvider.GetUtcNow());
                error.Attempts = request.Attempts;
                throw error;
            }
            return exchange;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<ApiExchange> AttemptAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var held = await Pacer.WaitAsync(request.Bucket, cancellationToken).ConfigureAwait(false);
        if (held > TimeSpan.FromMilliseconds(1))
        {
            RequestObserverScope.Current?.Throttled(request.Bucket, held, upcoming: false);
        }

        request.Attempts++;
        using var message = new HttpRequestMessage(request.Method, _options.BaseUri.AbsoluteUri.TrimEnd('/') + request.Path);
        message.Headers.TryAddWithoutValidation("apikey", _options.RevealApiKey());
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        if (!string.IsNullOrEmpty(request.OnBehalfOf))
        {
            message.Headers.TryAddWithoutValidation("onBehalfOf", request.OnBehalfOf);
        }
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        RequestObserverScope.Current?.RequestSending(request.Method.Method, request.Path, HeaderRedaction.Describe(message));
        var stopwatch = Stopwatch.StartNew();
        try
        {
            // The attempt's timeout starts now, once the pacer has let the request go, and covers the body too.
            var exchange = await _attemptTimeout.ExecuteAsync(
                static async (state, token) =>
                {
                    using var response = await state.Http.SendAsync(state.Message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                    var body = await ReadBodyAsync(response, token).ConfigureAwait(false);
                    return new ApiExchange((int)response.StatusCode, body, response.Headers);
                },
                (Http: _http, Message: message),
                cancellationToken).ConfigureAwait(false);
            RequestObserverScope.Current?.RequestCompleted(request.Method.Method, request.Path, exchange.StatusCode, stopwatch.Elapsed, request.Attempts, request.Bucket);
            Pacer.Observe(request.Bucket, exchange.Limit, exchange.Remaining);
            if (exchange.StatusCode >= 500)
            {
                request.HadAmbiguousFailure = true;
            }
            return exchange;
        }
        catch (Exception ex)
        {
            RequestObserverScope.Current?.RequestCompleted(request.Method.Method, request.Path, 0, stopwatch.Elapsed, request.Attempts, request.Bucket);
            if (ex is TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
            {
                // Reported here, not with the retry: the last attempt's timeout, and one with retries off, count too.
                RequestObserverScope.Current?.AttemptTimedOut(request.Method.Method, request.Path, request.Attempts, request.Bucket);
            }
            // No answer: the service may or may not have applied the request.
            request.HadAmbiguousFailure = true;
            throw;
        }
    }

    /// <summary>
    /// The largest answer the client reads. The largest the API gives is a page of 1,000 users with 5 KB of
    /// metadata each, about 6 MB; anything beyond 16 MB is not CometChat's API talking (a proxy, a misdirected
    /// base URI), and reading it would only cost memory.
    /// </summary>
    internal const int MaxResponseBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Reads the body under the attempt's token, so the attempt timeout covers a body that trickles in, and stops at
    /// <see cref="MaxResponseBytes"/> without reading the rest.
    /// </summary>
    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentLength is > MaxResponseBytes)
        {
            throw TooLarge(status, response.Content.Headers.ContentLength.Value);
        }
        // Some streams ignore the token while a read waits on the socket: disposing the response ends that read.
        using var abort = cancellationToken.Register(response.Dispose);
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        // Most answers declare their length (a user is a few hundred bytes): read into an array of that size.
        // Otherwise grow a buffer, up to the cap.
        var declared = response.Content.Headers.ContentLength;
        using var body = new System.IO.MemoryStream(declared is { } length ? (int)length : 4096);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > MaxResponseBytes)
                {
                    throw TooLarge(status, null);
                }
                body.Write(buffer, 0, read);
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
        return body.Length == body.Capacity ? body.GetBuffer() : body.ToArray();
    }

    private static CometChatResponseException TooLarge(int status, long? declared) => new(status,
        $"CometChat's answer (HTTP {status}) is larger than {MaxResponseBytes / (1024 * 1024)} MB{(declared is { } d ? $" ({d:N0} bytes declared)" : string.Empty)}, more than any answer of the API; it was not read. Check the connection's base URI (Get-CometChatContext).");

    private ResiliencePipeline<ApiExchange> BuildPipeline(TransportSettings options)
    {
        var builder = new ResiliencePipelineBuilder<ApiExchange> { TimeProvider = options.TimeProvider };
        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.MaxTotalTime });
        if (options.MaxRetries < 1)
        {
            return builder.Build();
        }
        builder.AddRetry(new RetryStrategyOptions<ApiExchange>
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = TimeSpan.FromSeconds(30),
            ShouldHandle = static args => new ValueTask<bool>(args.Outcome switch
            {
                { Exception: HttpRequestException } => true,
                { Exception: TimeoutRejectedException } => !args.Context.CancellationToken.IsCancellationRequested,
                { Exception: System.IO.IOException } => true,
                { Result: { IsTransient: true } } => true,
                _ => false,
            }),
            DelayGenerator = args =>
            {
                // A 429 says how long to wait; honour it rather than the backoff schedule.
                var wait = args.Outcome.Result?.ThrottleWait(options.TimeProvider.GetUtcNow());
                return new ValueTask<TimeSpan?>(wait);
            },
            OnRetry = args =>
            {
                var request = args.Context.Properties.GetValue(RequestKey, null!);
                if (args.Outcome.Result is { StatusCode: 429 })
                {
                    // Every request of this tier on this connection waits, not only this one.
                    Pacer.PauseFor(request.Bucket, args.RetryDelay);
                    RequestObserverScope.Current?.Throttled(request.Bucket, args.RetryDelay, upcoming: true);
                }
                RequestObserverScope.Current?.RetryScheduled(request.Method.Method, request.Path, request.Attempts + 1, args.RetryDelay, Describe(args.Outcome));
                return default;
            },
        });
        return builder.Build();
    }

    private static string Describe(Outcome<ApiExchange> outcome) => outcome switch
    {
        { Result: { StatusCode: 429 } } => RetryReasons.RateLimited,
        { Result: { } result } => $"HTTP {result.StatusCode}",
        { Exception: TimeoutRejectedException } => RetryReasons.NoAnswerInTime,
        { Exception: { } ex } => "connection failed: " + ex.Message,
        _ => "failed",
    };

    private Exception Translate(Exception exception, ApiRequest request, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return exception;
        }
        CometChatException translated = exception switch
        {
            CometChatException known => known,
            TimeoutRejectedException => new CometChatConnectionException(ErrorCodes.RequestTimeout,
                $"{request.Method.Method} {request.Path} got no answer from CometChat in time after {request.Attempts} attempt(s).", exception),
            _ => new CometChatConnectionException(ErrorCodes.ConnectionFailed,
                $"{request.Method.Method} {request.Path} could not reach CometChat after {request.Attempts} attempt(s): {exception.Message}", exception),
        };
        translated.Attempts = request.Attempts;
        return translated;
    }

    public void Dispose() => _http.Dispose();
}
