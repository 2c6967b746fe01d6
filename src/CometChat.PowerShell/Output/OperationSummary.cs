using System.Globalization;

namespace CometChat.PowerShell;

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

    /// <summary>Users reactivated (Sync-CometChatUser).</summary>
    public long Reactivated { get; internal set; }

    /// <summary>Users deactivated (Sync-CometChatUser).</summary>
    public long Deactivated { get; internal set; }

    /// <summary>Users deleted for good (Sync-CometChatUser).</summary>
    public long Deleted { get; internal set; }

    /// <summary>Users that already matched their source row: no request (Compare- and Sync-CometChatUser).</summary>
    public long Unchanged { get; internal set; }

    /// <summary>Whether this is a plan (Compare-CometChatUser, or a -WhatIf run): nothing was written.</summary>
    public bool IsPlan { get; internal set; }

    /// <summary>Records that failed (each has an error record).</summary>
    public long Failed { get; internal set; }

    /// <summary>Creates whose answer was lost but which turned out to be applied; counted once, in Created.</summary>
    public long Recovered { get; internal set; }

    /// <summary>Requests retried.</summary>
    public long Retried { get; internal set; }

    /// <summary>Wall-clock time during which requests were spaced out to stay under the rate limit (normal at full speed).</summary>
    public TimeSpan Paced { get; internal set; }

    /// <summary>Wall-clock time during which requests waited because CometChat answered 429 Too Many Requests.</summary>
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
    public long Processed => Created + Updated + Changed + Skipped + Failed + Reactivated + Deactivated + Deleted + Unchanged;

    /// <summary>Whether the command keeps users equal to a source (Compare-, Sync-CometChatUser), which counts by action.</summary>
    internal bool BySyncAction { get; set; }

    /// <summary>Records finished per second.</summary>
    public double PerSecond => Elapsed.TotalSeconds > 0 ? Processed / Elapsed.TotalSeconds : 0;

    /// <inheritdoc />
    public override string ToString() => BySyncAction ? SyncText() : string.Format(CultureInfo.InvariantCulture,
        "{0}{1}: created {2}, updated {3}, changed {4}, skipped {5}, failed {6}, retried {7}, recovered {8}, paced {9:0.0} s, throttled by 429 {10:0.0} s, elapsed {11:0.0} s, {12:0.0}/s",
        Command, Stopped ? " (stopped)" : string.Empty, Created, Updated, Changed, Skipped, Failed, Retried, Recovered,
        Paced.TotalSeconds, Throttled.TotalSeconds, Elapsed.TotalSeconds, PerSecond) + InFlightText;

    private string SyncText()
    {
        var text = string.Format(CultureInfo.InvariantCulture,
            IsPlan
                ? "{0} (plan, nothing written): create {1}, update {2}, reactivate {3}, deactivate {4}, delete {5}, unchanged {6}, failed {7}, elapsed {8:0.0} s"
                : "{0}{9}: created {1}, updated {2}, reactivated {3}, deactivated {4}, deleted {5}, unchanged {6}, failed {7}, elapsed {8:0.0} s",
            Command, Created, Updated, Reactivated, Deactivated, Deleted, Unchanged, Failed, Elapsed.TotalSeconds, Stopped ? " (stopped)" : string.Empty);
        return IsPlan ? text : text + string.Format(CultureInfo.InvariantCulture, ", retried {0}, paced {1:0.0} s, throttled by 429 {2:0.0} s", Retried, Paced.TotalSeconds, Throttled.TotalSeconds) + InFlightText;
    }

    private string InFlightText => PeakInFlightLimit == 0 ? string.Empty
        : string.Format(CultureInfo.InvariantCulture, ", in flight up to {0} ({1} at the end)", PeakInFlightLimit, InFlightLimit);
}
