using System.Globalization;
using CometChat.Emulator.Endpoints;
using CometChat.Emulator.Faults;
using CometChat.Emulator.RateLimiting;
using CometChat.Emulator.Runtime;
using Microsoft.AspNetCore.Connections;

namespace CometChat.Emulator.Http;

/// <summary>
/// Answers every /v3 request: rate limit, latency, fault injection, API key and scope, body size, the handler,
/// and counters. Anything else that no endpoint claims gets 404 <c>ERR_API_NOT_FOUND</c>.
/// </summary>
public sealed class ApiPipeline(RequestDelegate next, EmulatorRuntime runtime, ILogger<ApiPipeline> logger)
{
    /// <summary>Route shown in counters for a /v3 path no operation matches.</summary>
    public const string UnmatchedRoute = "(unmatched)";

    /// <summary>Middleware entry.</summary>
    public async Task InvokeAsync(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        if (!http.Request.Path.StartsWithSegments("/v3", StringComparison.OrdinalIgnoreCase))
        {
            if (endpoint?.Metadata.GetMetadata<AdminOperation>() is not null)
            {
                await next(http);
            }
            else
            {
                await ApiErrors.ApiNotFound().WriteAsync(http.Response, http.RequestAborted);
            }
            return;
        }

        var operation = endpoint?.Metadata.GetMetadata<ApiOperation>();
        using var arrived = runtime.Counters.Arrived();
        var status = 0;
        var counted = 0;
        void Count(int answered)
        {
            if (Interlocked.Exchange(ref counted, 1) == 0)
            {
                runtime.Counters.Request(http.Request.Method.ToUpperInvariant(), operation?.Template ?? UnmatchedRoute, answered);
            }
        }
        // Counted as the answer starts, so a client that has its answer can read counters that include it.
        http.Response.OnStarting(() =>
        {
            Count(http.Response.StatusCode);
            return Task.CompletedTask;
        });
        try
        {
            status = await ProcessAsync(http, operation);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            status = 0; // the client went away
        }
        catch (Exception e) when (e is ConnectionResetException or IOException && http.RequestAborted.IsCancellationRequested)
        {
            status = 0;
        }
        catch (BadHttpRequestException e)
        {
            status = e.StatusCode;
            if (!http.Response.HasStarted)
            {
                await ApiErrors.BadRequest(e.Message).WriteAsync(http.Response, http.RequestAborted);
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
            status = 500;
            if (!http.Response.HasStarted)
            {
                await ApiErrors.Error(500, "ERR_EXCEPTION", "Something went wrong.", e.Message)
                    .WriteAsync(http.Response, CancellationToken.None);
            }
        }
        finally
        {
            Count(status); // no answer was started: dropped (0), or counted above already
        }
    }

    private async Task<int> ProcessAsync(HttpContext http, ApiOperation? operation)
    {
        var aborted = http.RequestAborted;
        var rate = runtime.RateLimiter.Take(operation?.Bucket ?? Bucket.Standard);
        if (rate.Limited)
        {
            http.Response.Headers["X-Rate-Limit"] = rate.Budget.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["X-Rate-Limit-Remaining"] = rate.Remaining.ToString(CultureInfo.InvariantCulture);
        }
        if (!rate.Allowed)
        {
            var limited = ApiErrors.TooManyRequests(rate.Budget, runtime.Settings.RateLimitWindowSeconds, rate.RetryAfterSeconds);
            limited.Headers["Retry-After"] = rate.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            limited.Headers["X-Rate-Limit-Reset"] = rate.ResetUnixSeconds.ToString(CultureInfo.InvariantCulture);
            return await SendAsync(http, limited);
        }

        var (body, tooLarge) = await RequestBodyReader.ReadAsync(http.Request, aborted);
        var settings = runtime.Settings;
        var fault = runtime.Faults.Decide(settings, http.Request.Method, http.Request.Path.Value ?? "", body,
            operation?.IsWrite ?? false);
        var latency = settings.LatencyMilliseconds + fault.JitterMilliseconds;
        if (latency > 0)
        {
            await Task.Delay(latency, aborted);
        }
        if (fault.Kind != FaultKind.None)
        {
            runtime.Counters.Fault(fault.Kind, fault.AfterWrite);
            if (!fault.AfterWrite)
            {
                if (fault.Kind == FaultKind.Delayed)
                {
                    await Task.Delay(settings.FaultDelayMilliseconds, aborted);
                }
                else
                {
                    return await SendFaultAsync(http, fault.Kind);
                }
            }
        }

        var result = Authorize(http, operation) ?? (tooLarge ? ApiErrors.PayloadTooLarge(RequestBodyReader.Limit) : null);
        result ??= await operation!.Handler(new ApiContext(http, runtime, body));

        if (fault.AfterWrite)
        {
            if (fault.Kind != FaultKind.Delayed)
            {
                return await SendFaultAsync(http, fault.Kind);
            }
            await Task.Delay(settings.FaultDelayMilliseconds, aborted);
        }
        return await SendAsync(http, result);
    }

    /// <summary>Key presence and validity (401), route (404), then key scope (403).</summary>
    private ApiResult? Authorize(HttpContext http, ApiOperation? operation)
    {
        var key = http.Request.Headers["apikey"].ToString();
        if (string.IsNullOrWhiteSpace(key))
        {
            return ApiErrors.EmptyApiKey();
        }
        var fullAccess = string.Equals(key, runtime.ApiKey, StringComparison.Ordinal);
        if (!fullAccess && !string.Equals(key, runtime.AuthOnlyKey, StringComparison.Ordinal))
        {
            return ApiErrors.ApiKeyNotFound(key, runtime.Settings.MaskRejectedKeys);
        }
        if (operation is null)
        {
            return ApiErrors.ApiNotFound();
        }
        return fullAccess || operation.AllowAuthOnly ? null : ApiErrors.NoAccess(key);
    }

    private static async Task<int> SendAsync(HttpContext http, ApiResult result)
    {
        await result.WriteAsync(http.Response, http.RequestAborted);
        return result.Status;
    }

    private static async Task<int> SendFaultAsync(HttpContext http, FaultKind kind)
    {
        switch (kind)
        {
            case FaultKind.Dropped:
                http.Abort();
                return 0;
            case FaultKind.Status500:
                return await SendAsync(http, ApiErrors.Error(500, "ERR_EXCEPTION",
                    "Something went wrong. Please try again.", "Injected fault: internal server error."));
            case FaultKind.Status502:
                return await SendAsync(http, ApiResult.Text(502,
                    "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>\n",
                    "text/html"));
            default:
                return await SendAsync(http, ApiResult.Text(503,
                    "<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>\n",
                    "text/html"));
        }
    }
}
