using System;
using System.Diagnostics;
using CometChat.Client.Http;

namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// How many requests a bulk command keeps in flight: the number given to <c>-ThrottleLimit</c>, or by default a
/// <see cref="ConcurrencyController"/> fed by the command's own requests. Read on the pipeline thread.
/// </summary>
internal sealed class InFlightSizing
{
    // The limit moves a little with every answer; a line for each would flood -Verbose.
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(1);
    private readonly ConcurrencyController? _controller;
    private readonly int _fixed;
    private readonly Stopwatch _sinceReport = new();
    private int _reported;

    private InFlightSizing(ConcurrencyController? controller, int fixedLimit)
    {
        _controller = controller;
        _fixed = fixedLimit;
        _reported = controller?.Limit ?? fixedLimit;
    }

    /// <summary>A limit fixed by the user.</summary>
    public static InFlightSizing Fixed(int limit) => new(null, limit);

    /// <summary>A limit sized by <paramref name="controller"/>.</summary>
    public static InFlightSizing Adaptive(ConcurrencyController controller) => new(controller, 0);

    /// <summary>Whether the limit is sized as the command runs (no -ThrottleLimit).</summary>
    public bool IsAdaptive => _controller is not null;

    /// <summary>The limit last applied to the queue (0 before the first record).</summary>
    public int Applied { get; private set; }

    /// <summary>The highest limit applied to the queue so far: what the command really allowed, not what it would.</summary>
    public int Peak { get; private set; }

    /// <summary>The limit for the next record; the caller applies it to the queue.</summary>
    public int Apply()
    {
        Applied = _controller?.Limit ?? _fixed;
        Peak = Math.Max(Peak, Applied);
        return Applied;
    }

    /// <summary>A verbose line when <paramref name="current"/> is a tenth or more away from the last one reported and a
    /// second has passed since; otherwise null.</summary>
    public string? Report(int current)
    {
        if (_controller is null || Math.Abs(current - _reported) < Math.Max(1, _reported / 10)
            || (_sinceReport.IsRunning && _sinceReport.Elapsed < ReportInterval))
        {
            return null;
        }
        _reported = current;
        _sinceReport.Restart();
        return "Now " + _controller.Describe() + ".";
    }
}
