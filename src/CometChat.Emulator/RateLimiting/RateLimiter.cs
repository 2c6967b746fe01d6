using CometChat.Emulator.Settings;

namespace CometChat.Emulator.RateLimiting;

/// <summary>The two rate-limit buckets of decision #11.</summary>
public enum Bucket
{
    Core,
    Standard,
    /// <summary>The data import API's own 60/min limit, on top of the standard bucket; off when the standard bucket is.</summary>
    Import,
}

/// <summary>The verdict for one request, with what its headers report.</summary>
public readonly record struct RateDecision(bool Limited, bool Allowed, int Budget, int Remaining, long ResetUnixSeconds, int RetryAfterSeconds);

/// <summary>
/// Fixed-window counters per bucket. Windows are aligned to multiples of the window length since the unix
/// epoch, so their end (<c>X-Rate-Limit-Reset</c>) is known. Hand-written because
/// System.Threading.RateLimiting's limiters do not expose the window's end, which the headers need.
/// </summary>
public sealed class RateLimiter(TimeProvider time, Func<EmulatorSettings> settings)
{
    private sealed class Window
    {
        public long StartMs = long.MinValue;
        public int Used;
    }

    /// <summary>The documented limit of <c>POST /data_import/users</c>.</summary>
    public const int ImportRequestsPerMinute = 60;

    private readonly Window[] _windows = [new(), new(), new()];

    /// <summary>Budget of one window: per-minute limit × window / 60, rounded, at least 1; 0 = no limit.</summary>
    public static int BudgetOf(int perMinute, int windowSeconds) =>
        perMinute <= 0 ? 0 : Math.Max(1, (int)Math.Round(perMinute * (double)windowSeconds / 60, MidpointRounding.AwayFromZero));

    /// <summary>Counts a request against its bucket.</summary>
    public RateDecision Take(Bucket bucket)
    {
        var s = settings();
        var perMinute = bucket switch
        {
            Bucket.Core => s.CoreRequestsPerMinute,
            Bucket.Standard => s.StandardRequestsPerMinute,
            _ => s.StandardRequestsPerMinute == 0 ? 0 : ImportRequestsPerMinute,
        };
        var budget = BudgetOf(perMinute, s.RateLimitWindowSeconds);
        if (budget == 0)
        {
            return new RateDecision(false, true, 0, 0, 0, 0);
        }
        var lengthMs = s.RateLimitWindowSeconds * 1000L;
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var startMs = nowMs - (((nowMs % lengthMs) + lengthMs) % lengthMs);
        var endMs = startMs + lengthMs;
        var window = _windows[(int)bucket];
        bool allowed;
        int used;
        lock (window)
        {
            if (window.StartMs != startMs)
            {
                window.StartMs = startMs;
                window.Used = 0;
            }
            allowed = window.Used < budget;
            if (allowed)
            {
                window.Used++;
            }
            used = window.Used;
        }
        var reset = endMs / 1000;
        if (allowed)
        {
            return new RateDecision(true, true, budget, budget - used, reset, 0);
        }
        var retryAfter = (int)Math.Max(1, (endMs - nowMs + 999) / 1000);
        return new RateDecision(true, false, budget, 0, reset, retryAfter);
    }

    /// <summary>Starts every bucket afresh (reset, settings change).</summary>
    public void Reset()
    {
        foreach (var window in _windows)
        {
            lock (window)
            {
                window.StartMs = long.MinValue;
                window.Used = 0;
            }
        }
    }
}
