namespace CometChat.PowerShell;

/// <summary>What one request (or batch) of a sync did to each user it carried.</summary>
public sealed class SyncStep
{
    /// <summary>Result words, as CometChatUserChange.Result shows them.</summary>
    public const string Created = "Created", Updated = "Updated", Reactivated = "Reactivated", Deactivated = "Deactivated", Deleted = "Deleted";

    internal SyncStep(params (CometChatUserChange Change, string Outcome)[] outcomes)
    {
        Outcomes = new List<(CometChatUserChange, string)>(outcomes);
    }

    /// <summary>Each user's change and what happened to it.</summary>
    public IList<(CometChatUserChange Change, string Outcome)> Outcomes { get; }

    /// <summary>Users of a batch that CometChat did not find.</summary>
    internal IReadOnlyList<CometChatUserChange> NotFound { get; set; } = new List<CometChatUserChange>();
}
