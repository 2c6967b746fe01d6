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
    /// <summary>Makes <paramref name="uid"/> block each of <paramref name="blockedUids"/>; one result per target.</summary>
    public Task<IReadOnlyDictionary<string, ActionResult>> BlockUsersAsync(string uid, IEnumerable<string> blockedUids, CancellationToken cancellationToken = default)
        => ChangeBlocksAsync(HttpMethod.Post, uid, blockedUids, cancellationToken);

    /// <summary>Lifts blocks of <paramref name="uid"/> on each of <paramref name="blockedUids"/>; one result per target.</summary>
    public Task<IReadOnlyDictionary<string, ActionResult>> UnblockUsersAsync(string uid, IEnumerable<string> blockedUids, CancellationToken cancellationToken = default)
        => ChangeBlocksAsync(HttpMethod.Delete, uid, blockedUids, cancellationToken);

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

    private async Task<IReadOnlyDictionary<string, ActionResult>> ChangeBlocksAsync(HttpMethod method, string uid, IEnumerable<string> blockedUids, CancellationToken cancellationToken)
    {
        var body = new BlockBody { BlockedUids = blockedUids.ToList() };
        var exchange = await SendAsync(method, BlocksPath(uid), body, RateBucket.Standard, cancellationToken).ConfigureAwait(false);
        return ReadData<Dictionary<string, ActionResult>>(exchange);
    }

    private static string BlocksPath(string uid) => "/users/" + Segment("uid", uid) + "/blockedusers";

    private sealed class BlockBody
    {
        public List<string> BlockedUids { get; set; } = new();
    }
}
