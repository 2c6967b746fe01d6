namespace CometChat.PowerShell.Commands;

/// <summary>Shared by Block- and Unblock-CometChatUser: the -BlockedUid parameter and the blocks endpoint.</summary>
public abstract class BlockChangeCmdlet : RelationChangeCmdlet
{
    /// <summary>
    /// The users to block or unblock; a CSV cell may hold several as <c>a;b</c>. Not needed when piping users
    /// from Get-CometChatBlockedUser, which carry who blocked them.
    /// </summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("BlockedUids")]
    [ArgumentCompleter(typeof(Completion.UidCompleter))]
    public string[]? BlockedUid { get; set; }

    /// <summary>Blocking (true) or unblocking.</summary>
    protected abstract bool Blocking { get; }

    /// <inheritdoc />
    protected override string[]? OtherUids => BlockedUid;

    /// <inheritdoc />
    protected override string OtherUidsParameter => nameof(BlockedUid);

    /// <inheritdoc />
    protected override string BodyField => "blockedUids";

    /// <inheritdoc />
    protected override string Action => Blocking ? "Block users for CometChat user" : "Unblock users for CometChat user";

    /// <inheritdoc />
    protected override (string Uid, string Other)? RelationOf(object piped)
        => piped is CometChatBlockedUser block ? (block.BlockedBy, block.Uid) : null;

    /// <inheritdoc />
    protected override PreparedRequest<IReadOnlyDictionary<string, ActionResult>> Prepare(string uid, List<string> others)
        => Blocking ? CometChatRequests.BlockUsers(uid, others) : CometChatRequests.UnblockUsers(uid, others);

    /// <inheritdoc />
    protected override object Changed(string uid, string other, ActionResult result)
        => new BlockChange(uid, other, Blocking ? "Blocked" : "Unblocked", result.Message);
}
