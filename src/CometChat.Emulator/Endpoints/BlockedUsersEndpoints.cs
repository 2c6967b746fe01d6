using CometChat.Emulator.Http;
using CometChat.Emulator.RateLimiting;
using CometChat.Emulator.Storage;
using CometChat.Emulator.Validation;

namespace CometChat.Emulator.Endpoints;

/// <summary><c>/v3/users/{uid}/blockedusers</c> (§12).</summary>
public static class BlockedUsersEndpoints
{
    private const string Path = "/v3/users/{uid}/blockedusers";

    /// <summary>Registers the routes.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapApi("POST", Path, Bucket.Standard, c => Change(c, block: true));
        app.MapApi("DELETE", Path, Bucket.Standard, c => Change(c, block: false));
        app.MapApi("GET", Path, Bucket.Standard, List);
    }

    private static async ValueTask<ApiResult> Change(ApiContext c, bool block)
    {
        if (!c.TryReadBody(out var body, out var error))
        {
            return error!;
        }
        var targets = UidList.Read(body, "blockedUids");
        if (!body.Errors.IsEmpty)
        {
            return ApiErrors.Validation(body.Errors);
        }
        var uid = c.Uid;
        var results = await c.Store.SetBlockedAsync(uid, targets!, block);
        if (results is null)
        {
            return ApiErrors.UidNotFound(uid);
        }
        var verb = block ? "blocked" : "unblocked";
        return ApiResult.Data(w =>
        {
            w.WriteStartObject();
            foreach (var (target, outcome) in results)
            {
                w.WriteStartObject(target);
                w.WriteBoolean("success", outcome == BlockOutcome.Done);
                switch (outcome)
                {
                    case BlockOutcome.Done:
                        w.WriteString("message", $"The user with UID {uid} has {verb} user with UID {target} successfully.");
                        break;
                    case BlockOutcome.Self:
                        w.WriteString("message", $"The user with UID {uid} cannot {(block ? "block" : "unblock")} themselves.");
                        w.WriteString("code", "ERR_CANNOT_BLOCK_SELF");
                        break;
                    default:
                        UidList.WriteNotFound(w, target);
                        break;
                }
                w.WriteEndObject();
            }
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
        var blocked = (state.Blocked.GetValueOrDefault(uid)?.Keys ?? [])
            .Select(state.ActiveUser)
            .OfType<User>()
            .Order(UserOrder.Instance)
            .ToList();
        var items = blocked.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * perPage)).Take(perPage).ToList();
        long? cursor = items.Count == 0 ? null : items.Max(u => u.UpdatedAt ?? u.CreatedAt);
        return ValueTask.FromResult(ApiResult.Data(
            Pagination.Array(items, (w, u) => UserJson.Write(w, u,
                UserView.Plain with { Relation = OnBehalfOf.RelationOf(state, uid, u.Uid) })),
            Pagination.Meta(blocked.Count, items.Count, perPage, page, cursor, withCursor: true)));
    }
}
