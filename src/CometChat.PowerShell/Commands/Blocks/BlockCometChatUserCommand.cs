namespace CometChat.PowerShell.Commands;

/// <summary>Makes a user block other users: they can no longer message each other.</summary>
[Cmdlet(VerbsSecurity.Block, "CometChatUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(BlockChange))]
public sealed class BlockCometChatUserCommand : BlockChangeCmdlet
{
    /// <inheritdoc />
    protected override bool Blocking => true;

    /// <inheritdoc />
    protected override string ProgressActivity => "Blocking CometChat users";
}
