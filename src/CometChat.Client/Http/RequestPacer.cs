namespace CometChat.Client.Http;

/// <summary>
/// The rate limiter of one connection, shared by every cmdlet and runspace using it: keeps requests below
/// CometChat's core and standard limits before the service has to refuse them.
/// </summary>
public sealed class RequestPacer
{
    private readonly PacedBucket _core;
    private readonly PacedBucket _standard;
    private readonly double _headroom;

    /// <summary>Creates a pacer. A null limit means the production limit, lowered if the service reports less; 0 means no pacing.</summary>
    public RequestPacer(int? coreRequestsPerMinute, int? standardRequestsPerMinute, double headroom, TimeProvider time)
    {
        _core = new PacedBucket(RateBucket.Core, coreRequestsPerMinute, ProductionLimits.CoreRequestsPerMinute, headroom, time);
        _standard = new PacedBucket(RateBucket.Standard, standardRequestsPerMinute, ProductionLimits.StandardRequestsPerMinute, headroom, time);
        _headroom = headroom;
    }

    /// <summary>The per-minute limit currently paced to for <paramref name="bucket"/> (0 = off).</summary>
    public int RequestsPerMinute(RateBucket bucket) => Get(bucket).RequestsPerMinute;

    /// <summary>The rate requests of <paramref name="bucket"/> are let out at, per second, headroom included (0 = not paced).</summary>
    public double PacedPerSecond(RateBucket bucket) => RequestsPerMinute(bucket) * _headroom / 60.0;

    /// <summary>Waits until a request of <paramref name="bucket"/> may go out; returns the time held back.</summary>
    public Task<TimeSpan> WaitAsync(RateBucket bucket, CancellationToken cancellationToken) => Get(bucket).WaitAsync(cancellationToken);

    /// <summary>Holds back every request of <paramref name="bucket"/> for <paramref name="delay"/> (after a 429).</summary>
    public void PauseFor(RateBucket bucket, TimeSpan delay) => Get(bucket).PauseFor(delay);

    /// <summary>Learns from <c>X-Rate-Limit</c> and <c>X-Rate-Limit-Remaining</c>.</summary>
    public void Observe(RateBucket bucket, int? limit, int? remaining) => Get(bucket).Observe(limit, remaining);

    private PacedBucket Get(RateBucket bucket) => bucket == RateBucket.Core ? _core : _standard;
}
