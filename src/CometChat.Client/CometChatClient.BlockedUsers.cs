using CometChat.Client.Http;
using CometChat.Client.Models;
using CometChat.Client.Requests;

namespace CometChat.Client;

public sealed partial class CometChatClient
{
    /// <summary>Makes <paramref name="uid"/> block each of <paramref name="blockedUids"/>; one result per target.</summary>
    public Task<IReadOnlyDictionary<string, ActionResult>> BlockUsersAsync(string uid, IEnumerable<string> blockedUids, CancellationToken cancellationToken = default)
        => SendAsync(CometChatRequests.BlockUsers(uid, blockedUids), cancellationToken);

    /// <summary>Lifts blocks of <paramref name="uid"/> on each of <paramref name="blockedUids"/>; one result per target.</summary>
    public Task<IReadOnlyDictionary<string, ActionResult>> UnblockUsersAsync(string uid, IEnumerable<string> blockedUids, CancellationToken cancellationToken = default)
        => SendAsync(CometChatRequests.UnblockUsers(uid, blockedUids), cancellationToken);

    /// <summary>Lists the users <paramref name="uid"/> has blocked, one page.</summary>
    public async Task<CometChatPage<CometChatBlockedUser>> ListBlockedUsersAsync(string uid, int page = 1, int perPage = 100, CancellationToken cancellationToken = default)
    {
        CheckPaging(page, perPage);
        var query = Query(new Dictionary<string, string?> { ["perPage"] = Number(perPage), ["page"] = Number(page) });
        var result = ReadPage<CometChatBlockedUser>(await SendAsync(HttpMethod.Get, BlocksPath(uid) + query, null, RateBucket.Standard, cancellationToken).ConfigureAwait(false));
        foreach (var block in result.Items)
        {
            block.BlockedBy = uid.ToLowerInvariant();
        }
        return result;
    }

    private static string BlocksPath(string uid) => "/users/" + Segment("uid", uid) + "/blockedusers";

}
