namespace CometChat.PowerShell.Commands;

/// <summary>Reactivates deactivated CometChat users. Piped uids are sent in batches through the bulk endpoint.</summary>
[Cmdlet(VerbsLifecycle.Enable, "CometChatUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(UserStateChange))]
public sealed class EnableCometChatUserCommand : UserStateCmdlet
{
    /// <inheritdoc />
    protected override string ProgressActivity => "Reactivating CometChat users";

    /// <inheritdoc />
    protected override string Action => "Reactivate CometChat user";

    /// <inheritdoc />
    protected override (string Changed, string Unchanged) ResultNames => ("Reactivated", "AlreadyActive");

    /// <inheritdoc />
    protected override bool SkipConfirmation => false;

    /// <inheritdoc />
    protected override PreparedRequest<BulkStateResult> Prepare(IEnumerable<string> uids) => CometChatRequests.ReactivateUsers(uids);
}
