namespace CometChat.PowerShell.Commands;

/// <summary>Lists a user's login tokens (every page), or gets one by its value.</summary>
[Cmdlet(VerbsCommon.Get, "CometChatAuthToken")]
[OutputType(typeof(CometChatAuthToken))]
public sealed class GetCometChatAuthTokenCommand : UserListCmdlet
{
    /// <summary>One token to get (text or a SecureString); all of the user's tokens when not given.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("AuthToken")]
    [TokenTransformation]
    public string? Token { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var one = Token;
        ForEachUser(100, (client, uid, page, size, cancel) => client.ListAuthTokensAsync(uid, page, size, cancel),
            string.IsNullOrEmpty(one) ? null : uid => WriteObject(Await((client, cancel) => client.GetAuthTokenAsync(uid, one!, cancel))));
    }
}
