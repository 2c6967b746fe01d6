namespace CometChat.PowerShell.Commands;

/// <summary>Makes users friends. A friendship goes both ways; roles with ListUsers FriendsOnly list only friends.</summary>
[Cmdlet(VerbsCommon.Add, "CometChatFriend", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FriendChange))]
public sealed class AddCometChatFriendCommand : FriendChangeCmdlet
{
    /// <inheritdoc />
    protected override bool Adding => true;

    /// <inheritdoc />
    protected override string ProgressActivity => "Adding CometChat friends";
}
