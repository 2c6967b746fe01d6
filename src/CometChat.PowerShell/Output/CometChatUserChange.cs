using CometChat.Client.Sync;

namespace CometChat.PowerShell;

/// <summary>
/// One user of a Compare- or Sync-CometChatUser plan: the action, the properties it changes (old and new values),
/// the source row, and on Sync the result. Piping Compare's output into Sync-CometChatUser applies exactly that plan.
/// </summary>
public sealed class CometChatUserChange
{
    internal CometChatUserChange(PlannedChange plan, object? inputObject, PreparedRequest? request)
    {
        Plan = plan;
        InputObject = inputObject;
        Request = request;
    }

    /// <summary>Create, Update, Reactivate, Deactivate, Delete, or None (with -IncludeEqual).</summary>
    public SyncAction Action => Plan.Action;

    /// <summary>The user (lowercase uid).</summary>
    public string Uid => Plan.Uid;

    /// <summary>The properties that change: Property, Old, New.</summary>
    public IReadOnlyList<PropertyChange> Changes => Plan.Changes;

    /// <summary>The source row; null for a user no row names (a leaver).</summary>
    public object? InputObject { get; }

    /// <summary>
    /// On Sync: Created, Updated, Reactivated, Deactivated, Deleted, Unchanged, or Failed (with an error record),
    /// or NotApplied with -WhatIf. Null on Compare.
    /// </summary>
    public string? Result { get; internal set; }

    internal PlannedChange Plan { get; }

    /// <summary>The request sent for this user alone (create, update or delete), built with the plan; null for a batched change.</summary>
    internal PreparedRequest? Request { get; }

    /// <inheritdoc />
    public override string ToString()
        => $"{Action} {Uid}" + (Changes.Count == 0 ? string.Empty : ": " + string.Join("; ", Changes.Select(c => c.ToString())));
}
