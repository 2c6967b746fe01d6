using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CometChat.Client.Http;
using CometChat.Client.Models;

namespace CometChat.Client;

public sealed partial class CometChatClient
{
    /// <summary>Makes each of <paramref name="friendUids"/> a friend of <paramref name="uid"/> (both ways); one result per friend.</summary>
    public async Task<IReadOnlyDictionary<string, ActionResult>> AddFriendsAsync(string uid, IEnumerable<string> friendUids, CancellationToken cancellationToken = default)
    {
        var body = new AddFriendsBody { Accepted = friendUids.ToList() };
        var exchange = await SendAsync(HttpMethod.Post, FriendsPath(uid), body, RateBucket.Standard, cancellationToken).ConfigureAwait(false);
        return ReadData<AddFriendsResult>(exchange).Accepted;
    }

    /// <summary>
    /// Ends the friendships of <paramref name="uid"/> with each of <paramref name="friendUids"/>. CometChat answers
    /// for the request as a whole, so every friend gets that one result.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ActionResult>> RemoveFriendsAsync(string uid, IEnumerable<string> friendUids, CancellationToken cancellationToken = default)
    {
        var friends = friendUids.ToList();
        var exchange = await SendAsync(HttpMethod.Delete, FriendsPath(uid), new RemoveFriendsBody { Friends = friends }, RateBucket.Standard, cancellationToken).ConfigureAwait(false);
        var result = ReadData<ActionResult>(exchange);
        return friends.Distinct(System.StringComparer.OrdinalIgnoreCase).ToDictionary(friend => friend, _ => result, System.StringComparer.OrdinalIgnoreCase);
    }

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

    private sealed class AddFriendsBody
    {
        public List<string> Accepted { get; set; } = new();
    }

    private sealed class AddFriendsResult
    {
        public Dictionary<string, ActionResult> Accepted { get; set; } = new();
    }

    private sealed class RemoveFriendsBody
    {
        public List<string> Friends { get; set; } = new();
    }
}
