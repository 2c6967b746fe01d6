using System.Collections.Concurrent;
using System.Globalization;
using CometChat.Client.Http;

namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// Collects what the client reports while a cmdlet runs. Requests run on worker threads, but only the pipeline
/// thread may write to PowerShell's streams, so verbose lines are queued here and written when the cmdlet pumps.
/// </summary>
internal sealed class RequestActivity : IRequestObserver
{
    private readonly ConcurrentQueue<string> _verbose = new();
    private readonly bool _collectVerbose;
    private long _retries;
    private readonly WallClockTime _paced = new();
    private readonly WallClockTime _throttled = new();
    private long _recovered;
    private long _throttledUntilTicks;

    private readonly ConcurrentQueue<string> _debug = new();
    private readonly bool _collectDebug;

    public RequestActivity(bool collectVerbose, bool collectDebug = false)
    {
        _collectVerbose = collectVerbose;
        _collectDebug = collectDebug;
    }

    /// <summary>Retries scheduled so far.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Creates recovered after a lost answer.</summary>
    public long RecoveredCount => Interlocked.Read(ref _recovered);

    /// <summary>Wall-clock time during which requests were spaced out by the pacer, to stay under the rate limit
    /// (overlapping waits of concurrent requests count once). Expected at full speed; not a sign of trouble.</summary>
    public TimeSpan PacedTime => _paced.Total;

    /// <summary>Wall-clock time during which requests waited after CometChat answered 429 Too Many Requests
    /// (overlapping waits count once).</summary>
    public TimeSpan ThrottledTime => _throttled.Total;

    /// <summary>When a 429 pause ends, if one is in force.</summary>
    public DateTimeOffset? ThrottledUntil
    {
        get
        {
            var ticks = Interlocked.Read(ref _throttledUntilTicks);
            return ticks > DateTimeOffset.UtcNow.UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        }
    }

    /// <summary>Sizes the command's requests in flight from what they report; null when -ThrottleLimit fixes it.
    /// Set before the first request starts.</summary>
    public ConcurrencyController? Concurrency { get; set; }

    public bool TryDequeueVerbose(out string line) => _verbose.TryDequeue(out line!);

    public bool TryDequeueDebug(out string line) => _debug.TryDequeue(out line!);

    public void RequestSending(string method, string path, IReadOnlyList<KeyValuePair<string, string>> redactedHeaders)
    {
        Concurrency?.Sent();
        if (_collectDebug)
        {
            // The client hides credential headers (apikey) before they get here.
            var headers = string.Join("; ", redactedHeaders.Select(h => h.Key + ": " + h.Value));
            _debug.Enqueue($"{method} /v3{path} [{headers}]");
        }
    }

    public void RequestCompleted(string method, string path, int statusCode, TimeSpan elapsed, int attempt, RateBucket bucket)
    {
        Concurrency?.Completed(bucket, statusCode, elapsed);
        if (_collectVerbose)
        {
            var status = statusCode == 0 ? "no response" : statusCode.ToString(CultureInfo.InvariantCulture);
            _verbose.Enqueue(string.Format(CultureInfo.InvariantCulture, "{0} /v3{1} -> {2} in {3:0} ms (attempt {4})",
                method, path, status, elapsed.TotalMilliseconds, attempt));
        }
    }

    public void AttemptTimedOut(string method, string path, int attempt, RateBucket bucket) => Concurrency?.TimedOut();

    public void RetryScheduled(string method, string path, int nextAttempt, TimeSpan delay, string reason)
    {
        Interlocked.Increment(ref _retries);
        if (reason != RetryReasons.RateLimited)
        {
            Concurrency?.Retrying(delay);
        }
        if (_collectVerbose)
        {
            _verbose.Enqueue(string.Format(CultureInfo.InvariantCulture, "{0} /v3{1}: {2}; waiting {3:0.0} s before attempt {4}",
                method, path, reason, delay.TotalSeconds, nextAttempt));
        }
    }

    public void Throttled(RateBucket bucket, TimeSpan wait, bool upcoming)
    {
        if (!upcoming)
        {
            Concurrency?.Paced(bucket);
        }
        var now = DateTimeOffset.UtcNow.UtcTicks;
        // The pacer reports a wait that just ended; a 429 reports the wait that starts now.
        if (upcoming)
        {
            _throttled.Add(now, now + wait.Ticks);
        }
        else
        {
            _paced.Add(now - wait.Ticks, now);
        }
        if (upcoming && wait > TimeSpan.FromSeconds(1))
        {
            Interlocked.Exchange(ref _throttledUntilTicks, DateTimeOffset.UtcNow.Add(wait).UtcTicks);
        }
    }

    public void Recovered(string uid)
    {
        Interlocked.Increment(ref _recovered);
        if (_collectVerbose)
        {
            _verbose.Enqueue($"User '{uid}' was created by an attempt whose answer was lost; reporting it once, as created.");
        }
    }

    /// <summary>The wall-clock time covered by waits that may overlap (concurrent requests), each moment once.</summary>
    private sealed class WallClockTime
    {
        private readonly object _gate = new();
        private long _totalTicks;
        private long _coveredUntilTicks;

        public TimeSpan Total
        {
            get
            {
                lock (_gate)
                {
                    return TimeSpan.FromTicks(_totalTicks);
                }
            }
        }

        public void Add(long startTicks, long endTicks)
        {
            lock (_gate)
            {
                // Add only the part of this wait not already covered by an earlier one.
                _totalTicks += Math.Max(0, endTicks - Math.Max(startTicks, _coveredUntilTicks));
                _coveredUntilTicks = Math.Max(_coveredUntilTicks, endTicks);
            }
        }
    }
}
