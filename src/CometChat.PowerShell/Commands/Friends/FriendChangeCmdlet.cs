namespace CometChat.PowerShell.Commands;

/// <summary>Shared by Add- and Remove-CometChatFriend: the -FriendUid parameter and the friends endpoint.</summary>
public abstract class FriendChangeCmdlet : RelationChangeCmdlet
{
    /// <summary>
    /// The friends to add or remove; a CSV cell may hold several as <c>a;b</c>. Not needed when piping friends
    /// from Get-CometChatFriend, which carry whose friends they are.
    /// </summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("FriendUids", "Friends")]
    [ArgumentCompleter(typeof(Completion.UidCompleter))]
    public string[]? FriendUid { get; set; }

    /// <summary>Adding (true) or removing.</summary>
    protected abstract bool Adding { get; }

    /// <inheritdoc />
    protected override string[]? OtherUids => FriendUid;

    /// <inheritdoc />
    protected override string OtherUidsParameter => nameof(FriendUid);

    /// <inheritdoc />
    protected override string BodyField => Adding ? "accepted" : "friends";

    /// <inheritdoc />
    protected override string Action => Adding ? "Add friends of CometChat user" : "Remove friends of CometChat user";

    /// <inheritdoc />
    protected override (string Uid, string Other)? RelationOf(object piped)
        => piped is CometChatFriend friend ? (friend.FriendOf, friend.Uid) : null;

    /// <inheritdoc />
    protected override PreparedRequest<IReadOnlyDictionary<string, ActionResult>> Prepare(string uid, List<string> others)
        => Adding ? CometChatRequests.AddFriends(uid, others) : CometChatRequests.RemoveFriends(uid, others);

    /// <inheritdoc />
    protected override object Changed(string uid, string other, ActionResult result)
        => new FriendChange(uid, other, Adding ? "Added" : "Removed", result.Message);
}
