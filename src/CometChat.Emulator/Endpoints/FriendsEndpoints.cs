using CometChat.Emulator.Http;
using CometChat.Emulator.RateLimiting;
using CometChat.Emulator.Storage;
using CometChat.Emulator.Validation;

namespace CometChat.Emulator.Endpoints;

/// <summary><c>/v3/users/{uid}/friends</c> (§14). Friendships go both ways.</summary>
public static class FriendsEndpoints
{
    private const string Path = "/v3/users/{uid}/friends";

    /// <summary>Registers the routes.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapApi("POST", Path, Bucket.Standard, Add);
        app.MapApi("GET", Path, Bucket.Standard, List);
        app.MapApi("DELETE", Path, Bucket.Standard, Remove);
    }

    private static async ValueTask<ApiResult> Add(ApiContext c)
    {
        if (!c.TryReadBody(out var body, out var error))
        {
            return error!;
        }
        var targets = UidList.Read(body, "accepted");
        if (!body.Errors.IsEmpty)
        {
            return ApiErrors.Validation(body.Errors);
        }
        var results = await c.Store.AddFriendsAsync(c.Uid, targets);
        if (results is null)
        {
            return ApiErrors.UidNotFound(c.Uid);
        }
        return ApiResult.Data(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("accepted");
            foreach (var (target, outcome) in results)
            {
                w.WriteStartObject(target);
                w.WriteBoolean("success", outcome == FriendOutcome.Done);
                switch (outcome)
                {
                    case FriendOutcome.Done:
                        w.WriteString("message", "Created relationship with status accepted.");
                        break;
                    case FriendOutcome.NotFound:
                        UidList.WriteNotFound(w, target);
                        break;
                    case FriendOutcome.Self:
                        w.WriteString("message", "A user cannot be friends with themselves.");
                        w.WriteString("code", "ERR_CANNOT_FORM_SELF_RELATION");
                        break;
                    case FriendOutcome.AlreadyFriend:
                        w.WriteString("message", $"The users {c.Uid} and {target} are already friends.");
                        w.WriteString("code", "ERR_ALREADY_FRIEND");
                        break;
                    default:
                        w.WriteString("message", $"A user may not have more than {Store.MaxFriends} friends.");
                        w.WriteString("code", "ERR_FAILED_TO_ADD_FRIEND");
                        break;
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static ValueTask<ApiResult> List(ApiContext c)
    {
        var q = c.Query();
        var (perPage, page) = q.Paging();
        if (!q.Errors.IsEmpty)
        {
            return ValueTask.FromResult(ApiErrors.Validation(q.Errors));
        }
        var state = c.Store.Snapshot;
        var uid = c.Uid;
        if (state.ActiveUser(uid) is null)
        {
            return ValueTask.FromResult(ApiErrors.UidNotFound(uid));
        }
        var key = q.String("searchKey");
        var friends = (state.Friends.GetValueOrDefault(uid)?.Keys ?? [])
            .Select(state.ActiveUser)
            .OfType<User>()
            .Where(u => key is null || u.Uid.StartsWith(key, StringComparison.OrdinalIgnoreCase)
                || u.Name.StartsWith(key, StringComparison.OrdinalIgnoreCase))
            .Order(UserOrder.Instance)
            .ToList();
        var items = friends.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * perPage)).Take(perPage).ToList();
        long? cursor = items.Count == 0 ? null : items.Max(u => u.UpdatedAt ?? u.CreatedAt);
        return ValueTask.FromResult(ApiResult.Data(
            Pagination.Array(items, (w, u) => UserJson.Write(w, u,
                UserView.Plain with { Relation = OnBehalfOf.RelationOf(state, uid, u.Uid) with { Sparse = true } })),
            Pagination.Meta(friends.Count, items.Count, perPage, page, cursor, withCursor: true)));
    }

    private static async ValueTask<ApiResult> Remove(ApiContext c)
    {
        if (!c.TryReadBody(out var body, out var error))
        {
            return error!;
        }
        var targets = UidList.Read(body, "friends");
        if (!body.Errors.IsEmpty)
        {
            return ApiErrors.Validation(body.Errors);
        }
        return await c.Store.RemoveFriendsAsync(c.Uid, targets)
            ? ApiResult.Success("Deleted the friend relations succussfully") // sic: the spec's text
            : ApiErrors.UidNotFound(c.Uid);
    }
}
