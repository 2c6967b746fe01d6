using System;
using System.Globalization;

namespace CometChat.PowerShell.Infrastructure;

/// <summary>What a bulk operation did; written to the Information stream at the end and kept on the connection.</summary>
public sealed class OperationSummary
{
    /// <summary>The cmdlet that ran.</summary>
    public string Command { get; internal set; } = string.Empty;

    /// <summary>Records created.</summary>
    public long Created { get; internal set; }

    /// <summary>Records updated.</summary>
    public long Updated { get; internal set; }

    /// <summary>Records removed, deactivated or reactivated.</summary>
    public long Changed { get; internal set; }

    /// <summary>Records skipped (already existed, or already in the requested state).</summary>
    public long Skipped { get; internal set; }

    /// <summary>Records that failed (each has an error record).</summary>
    public long Failed { get; internal set; }

    /// <summary>Creates whose answer was lost but which turned out to be applied; counted once, in Created.</summary>
    public long Recovered { get; internal set; }

    /// <summary>Requests retried.</summary>
    public long Retried { get; internal set; }

    /// <summary>Wall-clock time during which requests were held back by pacing or 429s.</summary>
    public TimeSpan Throttled { get; internal set; }

    /// <summary>Wall-clock time of the operation.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>Requests allowed in flight at the end (-ThrottleLimit, or as sized from the round trip and faults).</summary>
    public int InFlightLimit { get; internal set; }

    /// <summary>The highest number of requests allowed in flight during the operation.</summary>
    public int PeakInFlightLimit { get; internal set; }

    /// <summary>Whether the operation was stopped (Ctrl+C) before all input was processed.</summary>
    public bool Stopped { get; internal set; }

    /// <summary>Records finished (succeeded, skipped or failed).</summary>
    public long Processed => Created + Updated + Changed + Skipped + Failed;

    /// <summary>Records finished per second.</summary>
    public double PerSecond => Elapsed.TotalSeconds > 0 ? Processed / Elapsed.TotalSeconds : 0;

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "{0}{1}: created {2}, updated {3}, changed {4}, skipped {5}, failed {6}, retried {7}, recovered {8}, throttled {9:0.0} s, elapsed {10:0.0} s, {11:0.0}/s",
        Command, Stopped ? " (stopped)" : string.Empty, Created, Updated, Changed, Skipped, Failed, Retried, Recovered,
        Throttled.TotalSeconds, Elapsed.TotalSeconds, PerSecond) + InFlightText;

    private string InFlightText => string.Format(CultureInfo.InvariantCulture, ", in flight up to {0} ({1} at the end)", PeakInFlightLimit, InFlightLimit);
}
