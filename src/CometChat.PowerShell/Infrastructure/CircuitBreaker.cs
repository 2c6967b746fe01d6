using System;
using CometChat.Client.Errors;

namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// Counts input records in a row that failed because CometChat could not be reached at all (refused or dropped
/// connections, timeouts, each after its own retries), with no answer in between. Past the limit the service is
/// down or the address is wrong, and every remaining record would fail the same way after the same retries
/// (minutes per thousand rows), so the command stops with one error instead.
/// </summary>
internal sealed class CircuitBreaker
{
    /// <summary>Records in a row: more than a burst of in-flight requests hit by one dropped connection.</summary>
    public const int DefaultLimit = 10;

    private readonly int _limit;

    public CircuitBreaker(int limit)
    {
        _limit = limit;
    }

    /// <summary>Unreachable failures in the current run.</summary>
    public int Count { get; private set; }

    /// <summary>Any answer from the service (a success or an API error) ends a run of unreachable failures.</summary>
    public void Answered() => Count = 0;

    /// <summary>Counts a failure; returns it when it completes a run long enough to stop, else null.</summary>
    public CometChatConnectionException? Failed(Exception failure)
    {
        switch (failure)
        {
            case CometChatConnectionException unreachable:
                Count++;
                return Count >= _limit ? unreachable : null;
            case CometChatApiException:
                Answered();
                return null;
            default:
                return null;
        }
    }
}
