namespace CometChat.PowerShell.Commands;

/// <summary>
/// Deactivates CometChat users: they can't log in and are hidden from lists, but keep their data, and
/// Enable-CometChatUser brings them back. Piped uids are sent in batches through the bulk endpoint.
/// </summary>
[Cmdlet(VerbsLifecycle.Disable, "CometChatUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(UserStateChange))]
public sealed class DisableCometChatUserCommand : UserStateCmdlet
{
    /// <summary>Don't ask for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override string ProgressActivity => "Deactivating CometChat users";

    /// <inheritdoc />
    protected override string Action => "Deactivate CometChat user";

    /// <inheritdoc />
    protected override (string Changed, string Unchanged) ResultNames => ("Deactivated", "AlreadyDeactivated");

    /// <inheritdoc />
    protected override bool SkipConfirmation => Force;

    /// <inheritdoc />
    protected override PreparedRequest<BulkStateResult> Prepare(IEnumerable<string> uids) => CometChatRequests.DeactivateUsers(uids);
}
