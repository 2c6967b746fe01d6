namespace CometChat.Client.Http;

/// <summary>
/// Paces one rate-limit tier of one connection: requests evenly spaced on the connection's clock, plus a
/// pause that a 429 (or an exhausted <c>X-Rate-Limit-Remaining</c>) sets for every request of the tier.
/// </summary>
internal sealed class PacedBucket
{
    private readonly TimeProvider _time;
    private readonly double _headroom;
    private readonly bool _isExplicit;
    private readonly object _gate = new();
    private Pacing? _pacing;
    private long _pausedUntilTicks;

    public PacedBucket(RateBucket bucket, int? requestsPerMinute, int productionLimit, double headroom, TimeProvider time)
    {
        Bucket = bucket;
        _time = time;
        _headroom = headroom;
        _isExplicit = requestsPerMinute.HasValue;
        Configure(requestsPerMinute ?? productionLimit);
    }

    public RateBucket Bucket { get; }

    /// <summary>The per-minute limit being paced to; 0 when pacing is off.</summary>
    public int RequestsPerMinute { get; private set; }

    /// <summary>Waits for a pause to end and for a token; returns how long the caller was held back.</summary>
    public async Task<TimeSpan> WaitAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            var until = new DateTimeOffset(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero);
            var now = _time.GetUtcNow();
            if (until <= now)
            {
                break;
            }
            await _time.Delay(until - now, cancellationToken).ConfigureAwait(false);
        }

        if (Volatile.Read(ref _pacing) is { } pacing)
        {
            await pacing.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        return _time.GetElapsedTime(started);
    }

    /// <summary>Holds every request of this tier back until <paramref name="delay"/> has passed.</summary>
    public void PauseFor(TimeSpan delay)
    {
        var until = _time.GetUtcNow().Add(delay).UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _pausedUntilTicks);
            if (current >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _pausedUntilTicks, until, current) != current);
    }

    /// <summary>Learns from the rate-limit headers of a response.</summary>
    public void Observe(int? limit, int? remaining)
    {
        // A lower limit than assumed means the app has its own; follow it unless the user set one explicitly.
        if (!_isExplicit && limit is > 0 && (RequestsPerMinute == 0 || limit.Value < RequestsPerMinute))
        {
            Configure(limit.Value);
        }
        if (remaining == 0)
        {
            // The window is spent (perhaps by another client of the same app). Its end is unknown until a 429
            // says so; a short pause keeps this connection from hammering in the meantime.
            PauseFor(TimeSpan.FromSeconds(1));
        }
    }

    private void Configure(int requestsPerMinute)
    {
        lock (_gate)
        {
            RequestsPerMinute = Math.Max(0, requestsPerMinute);
            _pacing = RequestsPerMinute == 0 ? null : new Pacing(RequestsPerMinute * _headroom, _time);
        }
    }


    /// <summary>
    /// Spaces requests evenly: each one reserves the next free slot on the connection's clock and waits for it
    /// (the "virtual scheduling" form of a leaky bucket). No bursts, an exact long-run rate, first come first served.
    /// Written here rather than taken from System.Threading.RateLimiting because those limiters read the system
    /// stopwatch directly, so they can't be driven by a <see cref="TimeProvider"/> (tests advance a fake clock).
    /// </summary>
    private sealed class Pacing
    {
        private readonly TimeProvider _time;
        private readonly long _intervalTicks;
        private readonly object _gate = new();
        private long _nextFreeTicks;

        public Pacing(double requestsPerMinute, TimeProvider time)
        {
            _time = time;
            _intervalTicks = (long)(TimeSpan.TicksPerMinute / requestsPerMinute);
        }

        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            long slot;
            var now = _time.GetUtcNow().UtcTicks;
            lock (_gate)
            {
                slot = Math.Max(now, _nextFreeTicks);
                _nextFreeTicks = slot + _intervalTicks;
            }
            if (slot > now)
            {
                try
                {
                    await _time.Delay(TimeSpan.FromTicks(slot - now), cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Give the slot back when it is still the last one reserved, so a cancelled run doesn't slow the next.
                    lock (_gate)
                    {
                        if (_nextFreeTicks == slot + _intervalTicks)
                        {
                            _nextFreeTicks = slot;
                        }
                    }
                    throw;
                }
            }
        }
    }
}
