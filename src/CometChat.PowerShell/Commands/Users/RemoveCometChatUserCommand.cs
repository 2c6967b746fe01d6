namespace CometChat.PowerShell.Commands;

/// <summary>
/// Deletes CometChat users. As in the API, a delete without <c>-Permanent</c> deactivates the user (reversible
/// with Enable-CometChatUser); <c>-Permanent</c> removes the user, their messages and conversations for good.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "CometChatUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveCometChatUserCommand : UserBulkCmdlet<bool>
{
    /// <summary>Delete for good instead of deactivating. Irreversible.</summary>
    [Parameter]
    public SwitchParameter Permanent { get; set; }

    /// <summary>Don't ask for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override string ProgressActivity => Permanent ? "Deleting CometChat users" : "Deactivating CometChat users";

    /// <inheritdoc />
    protected override void CountSuccess(bool result) => Summary.Changed++;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var permanent = Permanent.IsPresent;
        var action = permanent ? "Permanently delete CometChat user" : "Deactivate CometChat user";
        foreach (var (uid, target) in UidsOf(Uid, InputObject))
        {
            var request = CometChatRequests.DeleteUser(uid, permanent);
            if (!ShouldSend(action, uid, request, Force))
            {
                continue;
            }
            Submit(target, uid, (client, token) => client.SendAsync(request, token), _ => WriteVerbose($"User '{uid}' {(permanent ? "deleted" : "deactivated")}."));
        }
    }
}
