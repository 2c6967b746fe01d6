using CometChat.Client.Secrets;

namespace CometChat.PowerShell.Commands;

/// <summary>
/// Issues a login token for a user (what an app's backend hands to the CometChat SDK). Without -Force the user's
/// newest token may be returned; with -Force a new one is always issued. Tokens are secrets: views mask them.
/// </summary>
[Cmdlet(VerbsCommon.New, "CometChatAuthToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(CometChatAuthToken), typeof(string))]
public sealed class NewCometChatAuthTokenCommand : UserBulkCmdlet<CometChatAuthToken>
{
    /// <summary>Always issue a new token rather than returning the newest existing one.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Output each token as plain text instead of a token object (for a script that hands it on).</summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    /// <inheritdoc />
    protected override string ProgressActivity => "Issuing CometChat auth tokens";

    /// <inheritdoc />
    protected override void CountSuccess(CometChatAuthToken result) => Summary.Created++;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var force = Force.IsPresent;
        Action<CometChatAuthToken> write = AsPlainText ? token => WriteObject(SecretText.Reveal(token.Token)) : WriteObject;
        foreach (var (uid, target) in UidsOf(Uid, InputObject))
        {
            var request = CometChatRequests.CreateAuthToken(uid, force);
            if (ShouldSend("Issue an auth token for CometChat user", uid, request))
            {
                Submit(target, uid, (client, token) => client.SendAsync(request, token), write);
            }
        }
    }
}
