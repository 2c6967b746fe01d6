using System;
using System.Globalization;

namespace CometChat.Client.Http;

/// <summary>
/// Sizes how many requests of one bulk operation may be in flight, so that the connection's pacer, not the number in
/// flight, is what limits the rate.
/// <para>
/// By Little's law, letting requests out at λ a second, each holding its place for W seconds, keeps λ·W of them in
/// flight. The limit is λ·(1.5·W + 0.1 s): the extra half and tenth of a second are requests waiting at the pacer, so
/// that jitter, a slow answer or the client's own overhead never leave it with nothing to release. λ is the paced rate
/// of requests the pacer allows for the operation's mix of tiers: an operation whose requests are half core, half
/// standard (an update after a create that found the user) can send twice the core rate in all before the core tier
/// holds it back. The mix is a moving average of the attempts that ended (before the first one ends, of the requests
/// the pacer held back). W is a moving average, per answer, of the time outside the pacer: the round trip, plus what
/// the failed attempts before it and their backoff took (a request keeps its place while it waits to retry). While the
/// first attempt is under way, the time since it went out is a lower bound of W, so the limit grows during the first
/// round trip rather than after it; once attempts have ended without an answer that says anything of the round trip
/// (429s, refused connections), the longest of them is the bound instead, not the clock.
/// </para>
/// <para>
/// Timeouts and 5xx answers shrink it, as congestion control does (AIMD: ×0.95 per fault, +1 per answer without one,
/// never above the size above), so a service in trouble gets fewer requests at once. A fault share p holds the limit
/// below about 20·(1−p)/p: random faults at a low rate barely touch it (380 at 5%, 180 at 10%), a service failing half
/// its requests gets 20, a failing one 1. A refused or dropped connection does not: a service that is down is not
/// congested, and when it is back, the requests waiting to retry would otherwise hold back new ones until most of them
/// are through (the bulk cmdlets stop when no record gets through at all). A 429 changes nothing here either: the
/// pacer pauses and slows the tier.
/// </para>
/// Without pacing (limits turned off) there is no rate to size for, and the limit stays at <see cref="Initial"/>
/// unless faults shrink it. Thread-safe: answers arrive on any thread while the operation reads the limit.
/// </summary>
public sealed class ConcurrencyController
{
    /// <summary>The limit before anything is known, and without pacing.</summary>
    public const int Initial = 32;

    /// <summary>The lowest limit Little's law sizes to (faults may take it lower, down to 1).</summary>
    public const int Minimum = 8;

    /// <summary>
    /// The highest limit. 512 in flight carry CometChat's standard limit (20,000 a minute) through 1.5 s round trips
    /// and the core limit (10,000) through 3 s; beyond that the waiting requests cost memory, and those on the wire one
    /// connection each (1,024 open files is a common per-process limit).
    /// </summary>
    public const int Maximum = 512;

    private const double Headroom = 1.5;
    private const double PacerSlackSeconds = 0.1;
    private const double FaultBackoff = 0.95;
    private const double Smoothing = 0.1;
    private const double MixSmoothing = 0.05;

    private readonly RequestPacer _pacer;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private long? _firstSent;
    private double _heldSeconds;
    private double _unansweredSeconds;
    private long _answers;
    private long _attemptsEnded;
    private double _longestEndedSeconds;
    private double? _coreShare;
    private double _window = Maximum;

    /// <summary>Creates a controller sized by <paramref name="pacer"/>'s rates, timed by <paramref name="time"/>.</summary>
    public ConcurrencyController(RequestPacer pacer, TimeProvider time)
    {
        _pacer = pacer ?? throw new ArgumentNullException(nameof(pacer));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>How many requests may be in flight now. Reading it changes nothing.</summary>
    public int Limit
    {
        get
        {
            lock (_gate)
            {
                return Size().Limit;
            }
        }
    }

    /// <summary>The time in flight per request the limit is sized for (W above), once there is an answer.</summary>
    public TimeSpan? TimeInFlight
    {
        get
        {
            lock (_gate)
            {
                return _answers > 0 ? TimeSpan.FromSeconds(_heldSeconds) : null;
            }
        }
    }

    /// <summary>An attempt was sent.</summary>
    public void Sent()
    {
        lock (_gate)
        {
            _firstSent ??= _time.GetTimestamp();
        }
    }

    /// <summary>The pacer held back an attempt of <paramref name="bucket"/>: tells the tier before any attempt ends.</summary>
    public void Paced(RateBucket bucket)
    {
        lock (_gate)
        {
            // Once attempts end they tell the mix; counting held-back ones too would count those twice.
            if (_attemptsEnded == 0)
            {
                CountTier(bucket);
            }
        }
    }

    /// <summary>
    /// An attempt of <paramref name="bucket"/> finished after <paramref name="elapsed"/> with HTTP
    /// <paramref name="statusCode"/> (0: no answer; a timeout is reported by <see cref="TimedOut"/> too).
    /// </summary>
    public void Completed(RateBucket bucket, int statusCode, TimeSpan elapsed)
    {
        lock (_gate)
        {
            CountTier(bucket);
            var seconds = Math.Max(0, elapsed.TotalSeconds);
            _attemptsEnded++;
            _longestEndedSeconds = Math.Max(_longestEndedSeconds, seconds);
            if (statusCode >= 500)
            {
                Shrink();
            }
            if (statusCode == 0 || statusCode >= 500)
            {
                _unansweredSeconds += seconds;
                return;
            }
            if (statusCode == 429)
            {
                // Refused before any work (its time says nothing of the round trip); the pacer deals with it.
                return;
            }
            // This answer carries the time the failed attempts since the last one took, so that the average per
            // answer includes them.
            var held = seconds + _unansweredSeconds;
            _unansweredSeconds = 0;
            _heldSeconds = _answers == 0 ? held : _heldSeconds + Smoothing * (held - _heldSeconds);
            _answers++;
            _window = Math.Min(Maximum, _window + 1);
        }
    }

    /// <summary>An attempt got no answer in time (the client's attempt timeout), whether or not it is retried.</summary>
    public void TimedOut()
    {
        lock (_gate)
        {
            Shrink();
        }
    }

    /// <summary>
    /// A failed attempt (not a 429: the pacer holds those) will be retried after <paramref name="delay"/>; its
    /// request keeps its place in flight meanwhile.
    /// </summary>
    public void Retrying(TimeSpan delay)
    {
        lock (_gate)
        {
            _unansweredSeconds += Math.Max(0, delay.TotalSeconds);
        }
    }

    /// <summary>The limit and why: "up to 260 requests in flight (162.5 requests/s paced, 1000 ms in flight each)".</summary>
    public string Describe()
    {
        lock (_gate)
        {
            var size = Size();
            var reason = size.Rate <= 0
                ? "requests are not paced, so there is no rate to size for"
                : string.Format(CultureInfo.InvariantCulture, "{0:0.#} requests/s paced, {1}{2:0} ms in flight each",
                    size.Rate, _answers == 0 ? "at least " : string.Empty, size.HeldSeconds * 1000);
            if (size.Limit < Math.Ceiling(size.Target))
            {
                reason += "; lowered after server errors or timeouts";
            }
            return string.Format(CultureInfo.InvariantCulture, "up to {0} requests in flight ({1})", size.Limit, reason);
        }
    }

    /// <summary>The size for what is known now (call under the lock).</summary>
    private (int Limit, double Target, double Rate, double HeldSeconds) Size()
    {
        var rate = RequestRate();
        var held = _answers > 0 ? _heldSeconds
            : _attemptsEnded > 0 ? _longestEndedSeconds
            : _firstSent is { } sent ? _time.GetElapsedTime(sent).TotalSeconds
            : 0;
        double target = Initial;
        if (rate > 0)
        {
            target = rate * (Headroom * held + PacerSlackSeconds);
            if (_answers == 0)
            {
                target = Math.Max(target, Initial);
            }
            target = Math.Min(Maximum, Math.Max(Minimum, target));
        }
        var limit = (int)Math.Max(1, Math.Ceiling(Math.Min(target, _window)));
        return (limit, target, rate, held);
    }

    private void Shrink() => _window = Math.Max(1, FaultBackoff * Math.Min(_window, Size().Target));

    /// <summary>
    /// Requests a second the pacer lets out for the current mix of tiers: each paced tier allows its rate divided by
    /// its share of the requests, and the tier that allows the fewest sets it. 0 when no tier in use is paced. Until a
    /// request tells the mix (a few milliseconds), the slower tier's rate.
    /// </summary>
    private double RequestRate()
    {
        var core = _pacer.PacedPerSecond(RateBucket.Core);
        var standard = _pacer.PacedPerSecond(RateBucket.Standard);
        if (_coreShare is not { } coreShare)
        {
            return Math.Min(core, standard);
        }
        var rate = double.PositiveInfinity;
        if (core > 0 && coreShare > 0)
        {
            rate = Math.Min(rate, core / coreShare);
        }
        if (standard > 0 && coreShare < 1)
        {
            rate = Math.Min(rate, standard / (1 - coreShare));
        }
        return double.IsPositiveInfinity(rate) ? 0 : rate;
    }

    private void CountTier(RateBucket bucket)
    {
        var isCore = bucket == RateBucket.Core ? 1.0 : 0.0;
        var next = _coreShare is { } share ? share + MixSmoothing * (isCore - share) : isCore;
        // The average only approaches a tier it has gone back to; within a thousandth it is that tier alone.
        _coreShare = Math.Abs(next - isCore) < 0.001 ? isCore : next;
    }
}
