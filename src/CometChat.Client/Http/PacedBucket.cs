using System;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace CometChat.Client.Http;

/// <summary>
/// Paces one rate-limit tier of one connection: a token bucket refilled on the connection's clock, plus a
/// pause that a 429 (or an exhausted <c>X-Rate-Limit-Remaining</c>) sets for every request of the tier.
/// </summary>
internal sealed class PacedBucket : IDisposable
{
    // Aim for refills about every 100 ms: smooth enough that a fixed server window never sees a burst,
    // coarse enough that the timer is cheap.
    private static readonly TimeSpan TargetRefillPeriod = TimeSpan.FromMilliseconds(100);

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

        while (true)
        {
            var pacing = Volatile.Read(ref _pacing);
            if (pacing is null)
            {
                break;
            }
            using var lease = await pacing.Limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            if (lease.IsAcquired)
            {
                break;
            }
            // The limiter was replaced (the service reported a lower limit) and failed its queue; queue on the new one.
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
            var old = _pacing;
            RequestsPerMinute = Math.Max(0, requestsPerMinute);
            _pacing = RequestsPerMinute == 0 ? null : new Pacing(RequestsPerMinute * _headroom, _time);
            old?.Dispose();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _pacing?.Dispose();
            _pacing = null;
        }
    }

    /// <summary>A token bucket whose refills are driven by the connection's <see cref="TimeProvider"/>, so tests can
    /// advance a fake clock; refills catch up on late timer ticks so the long-run rate stays exact.</summary>
    private sealed class Pacing : IDisposable
    {
        private readonly TimeProvider _time;
        private readonly long _startTimestamp;
        private readonly double _periodSeconds;
        private readonly ITimer _timer;
        private long _periodsGranted;

        public Pacing(double requestsPerMinute, TimeProvider time)
        {
            _time = time;
            var perSecond = requestsPerMinute / 60.0;
            var tokensPerPeriod = Math.Max(1, (int)Math.Floor(perSecond * TargetRefillPeriod.TotalSeconds));
            _periodSeconds = tokensPerPeriod / perSecond;
            Limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                // The burst is one refill: within any window the service counts, at most one refill more than the
                // paced rate goes out.
                TokenLimit = tokensPerPeriod,
                TokensPerPeriod = tokensPerPeriod,
                ReplenishmentPeriod = TimeSpan.FromSeconds(_periodSeconds),
                AutoReplenishment = false,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
            _startTimestamp = time.GetTimestamp();
            var period = TimeSpan.FromSeconds(_periodSeconds);
            _timer = time.CreateTimer(_ => Refill(), null, period, period);
        }

        public TokenBucketRateLimiter Limiter { get; }

        private void Refill()
        {
            var due = (long)(_time.GetElapsedTime(_startTimestamp).TotalSeconds / _periodSeconds);
            while (Interlocked.Read(ref _periodsGranted) < due)
            {
                Interlocked.Increment(ref _periodsGranted);
                Limiter.TryReplenish();
            }
        }

        public void Dispose()
        {
            _timer.Dispose();
            Limiter.Dispose();
        }
    }
}
