namespace CometChat.PowerShell.Commands;

/// <summary>
/// Compares CometChat with a source (an HR export, a backup) and outputs the plan: one change per user that differs
/// (joiners, movers, leavers, rehires), with the properties that would change. Reads only. Pipe the plan into
/// Sync-CometChatUser to apply exactly it.
/// </summary>
[Cmdlet(VerbsData.Compare, "CometChatUser")]
[OutputType(typeof(CometChatUserChange))]
public sealed class CompareCometChatUserCommand : UserSyncCmdlet
{
    /// <inheritdoc />
    protected override string ProgressActivity => "Comparing CometChat users";

    /// <inheritdoc />
    protected override void OnTooManyRemovals(int removals) => WriteWarning(TooManyRemovals(removals).Replace("Nothing was written. ", "Sync-CometChatUser would refuse this plan. "));

    /// <inheritdoc />
    protected override void Complete(IReadOnlyList<CometChatUserChange> changes)
    {
        Summary.IsPlan = true;
        CountPlanned(changes);
        foreach (var change in changes)
        {
            WriteObject(change);
        }
    }
}
