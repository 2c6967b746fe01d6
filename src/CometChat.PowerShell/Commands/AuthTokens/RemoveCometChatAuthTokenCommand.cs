using CometChat.Client.Secrets;
using CometChat.Client.Validation;

namespace CometChat.PowerShell.Commands;

/// <summary>Revokes one login token of a user, or all of them (-All), logging the user out where they were used.</summary>
[Cmdlet(VerbsCommon.Remove, "CometChatAuthToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = OneSet)]
[OutputType(typeof(void))]
public sealed class RemoveCometChatAuthTokenCommand : UserBulkCmdlet<bool>
{
    private const string OneSet = "One";
    private const string AllSet = "All";

    /// <summary>The token to revoke: text, or the SecureString of a token object.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = OneSet, ValueFromPipelineByPropertyName = true)]
    [Alias("AuthToken")]
    [TokenTransformation]
    [AllowEmptyString]
    public string Token { get; set; } = string.Empty;

    /// <summary>Revoke every token of the user.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    /// <summary>Don't ask for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override string ProgressActivity => "Revoking CometChat auth tokens";

    /// <inheritdoc />
    protected override void CountSuccess(bool result) => Summary.Changed++;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        BeginRecord();
        foreach (var uid in Uid)
        {
            Revoke(uid, InputObject ?? (object)uid);
        }
    }

    private void Revoke(string uid, object target)
    {
        var request = All ? CometChatRequests.RemoveAllAuthTokens(uid) : CometChatRequests.RemoveAuthToken(uid, Token);
        if (request.Problems.Count > 0)
        {
            RejectInput(request.Problems, target, InputObject is not null);
            return;
        }
        // The path shows the token masked: tia_17********5b.
        var action = All ? "Revoke every auth token of CometChat user" : $"Revoke auth token {SecretText.Mask(Token)} of CometChat user";
        if (ShouldSend(action, uid, request, Force))
        {
            Submit(target, uid, (client, cancel) => client.SendAsync(request, cancel), _ => { });
        }
    }
}
