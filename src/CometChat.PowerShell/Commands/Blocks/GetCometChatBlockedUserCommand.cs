namespace CometChat.PowerShell.Commands;

/// <summary>
/// Lists the users a user has blocked, every page. Each is the blocked user (Uid, Name, Role...) with BlockedBy, the
/// user who blocked them, so piping them to Unblock-CometChatUser lifts the blocks, and to a user cmdlet acts on them.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CometChatBlockedUser")]
[OutputType(typeof(CometChatBlockedUser))]
public sealed class GetCometChatBlockedUserCommand : UserListCmdlet
{
    /// <summary>Blocks per request, 1-1000 (default 100). Every page is fetched either way.</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int PageSize { get; set; } = 100;

    /// <inheritdoc />
    protected override void ProcessRecord()
        => ForEachUser(PageSize, (client, blocker, page, size, token) => client.ListBlockedUsersAsync(blocker, page, size, token));
}
