using System.Diagnostics;

namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// Stops a command when CometChat can't be reached at all: at least <see cref="MinimumFailures"/> input records in a
/// row failed that way (refused or dropped connections, timeouts, each after its own retries) and nothing has
/// answered for <see cref="MinimumSilence"/>. Then the service is down or the address is wrong, and every remaining
/// record would fail the same way after the same retries (about 30 s each with the default retries). A short outage,
/// such as a restart that the retries mostly ride out, answers again well within the silence and doesn't stop a run.
/// </summary>
internal sealed class CircuitBreaker
{
    /// <summary>Records in a row: more than a burst of in-flight requests hit by one dropped connection.</summary>
    public const int MinimumFailures = 10;

    /// <summary>How long nothing may have answered before the run stops.</summary>
    public static readonly TimeSpan MinimumSilence = TimeSpan.FromSeconds(10);

    private readonly Stopwatch _sinceLastAnswer = Stopwatch.StartNew();

    /// <summary>Unreachable failures in the current run.</summary>
    public int Count { get; private set; }

    /// <summary>How long nothing has answered (since the command started, when nothing has yet).</summary>
    public TimeSpan Silence => _sinceLastAnswer.Elapsed;

    /// <summary>Any answer from the service (a success or an API error) ends a run of unreachable failures.</summary>
    public void Answered()
    {
        Count = 0;
        _sinceLastAnswer.Restart();
    }

    /// <summary>Counts a failure; returns it when it completes a run long enough to stop, else null.</summary>
    public CometChatConnectionException? Failed(Exception failure)
    {
        switch (failure)
        {
            case CometChatConnectionException unreachable:
                Count++;
                return Count >= MinimumFailures && Silence >= MinimumSilence ? unreachable : null;
            case CometChatApiException:
                Answered();
                return null;
            default:
                return null;
        }
    }
}
