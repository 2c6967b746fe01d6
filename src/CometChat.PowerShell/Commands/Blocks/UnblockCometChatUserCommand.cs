namespace CometChat.PowerShell.Commands;

/// <summary>Lifts blocks a user has placed on other users.</summary>
[Cmdlet(VerbsSecurity.Unblock, "CometChatUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(BlockChange))]
public sealed class UnblockCometChatUserCommand : BlockChangeCmdlet
{
    /// <inheritdoc />
    protected override bool Blocking => false;

    /// <inheritdoc />
    protected override string ProgressActivity => "Unblocking CometChat users";
}
