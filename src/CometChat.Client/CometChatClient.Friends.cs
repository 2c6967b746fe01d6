using CometChat.Client.Http;
using CometChat.Client.Models;
using CometChat.Client.Requests;

namespace CometChat.Client;

public sealed partial class CometChatClient
{
    /// <summary>Makes each of <paramref name="friendUids"/> a friend of <paramref name="uid"/> (both ways); one result per friend.</summary>
    public Task<IReadOnlyDictionary<string, ActionResult>> AddFriendsAsync(string uid, IEnumerable<string> friendUids, CancellationToken cancellationToken = default)
        => SendAsync(CometChatRequests.AddFriends(uid, friendUids), cancellationToken);

    /// <summary>Ends the friendships of <paramref name="uid"/> with each of <paramref name="friendUids"/>; every friend gets the request's one result.</summary>
    public Task<IReadOnlyDictionary<string, ActionResult>> RemoveFriendsAsync(string uid, IEnumerable<string> friendUids, CancellationToken cancellationToken = default)
        => SendAsync(CometChatRequests.RemoveFriends(uid, friendUids), cancellationToken);

    /// <summary>Lists the friends of <paramref name="uid"/>, one page; <paramref name="searchKey"/> matches the start of a uid or name.</summary>
    public async Task<CometChatPage<CometChatFriend>> ListFriendsAsync(string uid, string? searchKey = null, int page = 1, int perPage = 100, CancellationToken cancellationToken = default)
    {
        CheckPaging(page, perPage);
        var query = Query(new Dictionary<string, string?> { ["searchKey"] = searchKey, ["perPage"] = Number(perPage), ["page"] = Number(page) });
        var result = ReadPage<CometChatFriend>(await SendAsync(HttpMethod.Get, FriendsPath(uid) + query, null, RateBucket.Standard, cancellationToken).ConfigureAwait(false));
        foreach (var friend in result.Items)
        {
            friend.FriendOf = uid.ToLowerInvariant();
        }
        return result;
    }

    private static string FriendsPath(string uid) => "/users/" + Segment("uid", uid) + "/friends";
}
