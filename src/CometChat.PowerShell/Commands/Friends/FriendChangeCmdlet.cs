using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CometChat.Client;
using CometChat.Client.Models;

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
    protected override (string Method, string PathSuffix) Request => (Adding ? "POST" : "DELETE", "/friends");

    /// <inheritdoc />
    protected override (string Uid, string Other)? RelationOf(object piped)
        => piped is CometChatFriend friend ? (friend.FriendOf, friend.Uid) : null;

    /// <inheritdoc />
    protected override Task<IReadOnlyDictionary<string, ActionResult>> SendAsync(CometChatClient client, string uid, List<string> others, CancellationToken cancellationToken)
        => Adding ? client.AddFriendsAsync(uid, others, cancellationToken) : client.RemoveFriendsAsync(uid, others, cancellationToken);

    /// <inheritdoc />
    protected override object Changed(string uid, string other, ActionResult result)
        => new FriendChange(uid, other, Adding ? "Added" : "Removed", result.Message);
}
