using CometChat.Client.Models;

namespace CometChat.Client.Sync;

/// <summary>What a sync will do to one user, and the requests that do it.</summary>
public sealed class PlannedChange
{
    internal PlannedChange(SyncAction action, string uid, IReadOnlyList<PropertyChange> changes, StoredUser? stored)
    {
        Action = action;
        Uid = uid;
        Changes = changes;
        StoredFingerprint = stored?.Fingerprint;
    }

    /// <summary>The one action.</summary>
    public SyncAction Action { get; }

    /// <summary>The user (lowercase uid).</summary>
    public string Uid { get; }

    /// <summary>The properties that change, old and new values as text.</summary>
    public IReadOnlyList<PropertyChange> Changes { get; }

    /// <summary>The create request, for <see cref="SyncAction.Create"/>.</summary>
    public NewUser? Create { get; internal set; }

    /// <summary>Whether a created user is then deactivated (the source says it is deactivated).</summary>
    public bool DeactivateAfterCreate { get; internal set; }

    /// <summary>
    /// The update with only the changed fields: for <see cref="SyncAction.Update"/>; after a reactivation when fields
    /// differ; before a deactivation asked for by the source. Null when no field changes.
    /// </summary>
    public UserUpdate? Update { get; internal set; }

    /// <summary>The user as the plan saw it (<see cref="StoredUser.Fingerprint"/>); null for a user that did not exist.</summary>
    public string? StoredFingerprint { get; }

    /// <summary>
    /// Whether <paramref name="now"/> (the user as CometChat holds it now, or null when it does not exist) is still
    /// the user this plan was made from, so the plan can be applied as it is.
    /// </summary>
    public bool StillMatches(StoredUser? now) => now?.Fingerprint == StoredFingerprint;
}
