namespace CometChat.PowerShell.Commands;

/// <summary>Ends friendships (both ways).</summary>
[Cmdlet(VerbsCommon.Remove, "CometChatFriend", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(FriendChange))]
public sealed class RemoveCometChatFriendCommand : FriendChangeCmdlet
{
    /// <inheritdoc />
    protected override bool Adding => false;

    /// <inheritdoc />
    protected override string ProgressActivity => "Removing CometChat friends";
}
