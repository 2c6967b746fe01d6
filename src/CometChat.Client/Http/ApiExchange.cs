using System.Globalization;
using System.Net.Http.Headers;

using CometChat.Client.Errors;

namespace CometChat.Client.Http;

/// <summary>One HTTP answer, read fully: status, body and the rate-limit headers.</summary>
internal sealed class ApiExchange
{
    public ApiExchange(int statusCode, byte[] body, HttpResponseHeaders headers)
    {
        StatusCode = statusCode;
        Body = body;
        Limit = ReadInt(headers, "X-Rate-Limit");
        Remaining = ReadInt(headers, "X-Rate-Limit-Remaining");
        var resetSeconds = ReadInt(headers, "X-Rate-Limit-Reset");
        Reset = resetSeconds is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        RetryAfter = headers.RetryAfter?.Delta
            ?? (ReadInt(headers, "Retry-After") is { } wait ? TimeSpan.FromSeconds(wait) : null);
    }

    public int StatusCode { get; }

    public byte[] Body { get; }

    public int? Limit { get; }

    public int? Remaining { get; }

    public DateTimeOffset? Reset { get; }

    public TimeSpan? RetryAfter { get; }

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>Statuses worth another attempt.</summary>
    public bool IsTransient => TransientStatus.Is(StatusCode);

    /// <summary>How long a 429 asks to wait: at least Retry-After, and until X-Rate-Limit-Reset when that is later.</summary>
    public TimeSpan? ThrottleWait(DateTimeOffset now)
    {
        if (StatusCode != 429)
        {
            return null;
        }
        var wait = RetryAfter ?? TimeSpan.FromSeconds(1);
        if (Reset is { } reset && reset - now > wait)
        {
            wait = reset - now;
        }
        return wait;
    }

    private static int? ReadInt(HttpResponseHeaders headers, string name)
    {
        if (headers.TryGetValues(name, out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        return null;
    }
}
