namespace CometChat.PowerShell.Commands;

/// <summary>
/// Lists a user's friends, every page. Each is the friend (Uid, Name, Role...) with FriendOf, so piping them to
/// Remove-CometChatFriend ends the friendships, and to a user cmdlet acts on the friends.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CometChatFriend")]
[OutputType(typeof(CometChatFriend))]
public sealed class GetCometChatFriendCommand : UserListCmdlet
{
    /// <summary>Only friends whose uid or name starts with this text.</summary>
    [Parameter]
    [ValidateFilter]
    public string? SearchKey { get; set; }

    /// <summary>Friends per request, 1-1000 (default 100). Every page is fetched either way.</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int PageSize { get; set; } = 100;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var searchKey = SearchKey;
        ForEachUser(PageSize, (client, uid, page, size, token) => client.ListFriendsAsync(uid, searchKey, page, size, token));
    }
}
