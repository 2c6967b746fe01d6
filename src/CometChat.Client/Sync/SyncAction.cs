namespace CometChat.Client.Sync;

/// <summary>The one thing a sync does to a user.</summary>
public enum SyncAction
{
    /// <summary>The user already matches: no request.</summary>
    None,

    /// <summary>A new user (a joiner): one create, and a deactivate when the source says it is deactivated.</summary>
    Create,

    /// <summary>Changed fields (a mover): one update with only those fields.</summary>
    Update,

    /// <summary>A deactivated user back in the source (a rehire): reactivated in a batch, then updated if fields differ.</summary>
    Reactivate,

    /// <summary>A leaver (or a row that says deactivated): deactivated in a batch.</summary>
    Deactivate,

    /// <summary>A leaver, deleted for good.</summary>
    Delete,
}
