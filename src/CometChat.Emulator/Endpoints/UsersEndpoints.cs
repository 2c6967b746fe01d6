using CometChat.Emulator.Http;
using CometChat.Emulator.RateLimiting;
using CometChat.Emulator.Storage;
using CometChat.Emulator.Validation;

namespace CometChat.Emulator.Endpoints;

/// <summary><c>/v3/users/{uid}</c> and <c>POST /v3/users</c> (§7.1, §7.3–§7.5).</summary>
public static class UsersEndpoints
{
    /// <summary>Registers the routes.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapApi("POST", "/v3/users", Bucket.Core, Create, allowAuthOnly: true);
        app.MapApi("GET", "/v3/users/{uid}", Bucket.Standard, Get);
        app.MapApi("PUT", "/v3/users/{uid}", Bucket.Standard, Update);
        app.MapApi("DELETE", "/v3/users/{uid}", Bucket.Core, Delete);
    }

    private static async ValueTask<ApiResult> Create(ApiContext c)
    {
        if (!c.TryReadBody(out var body, out var error))
        {
            return error!;
        }
        var (candidate, withAuthToken) = UserValidator.ForCreate(body);
        if (candidate is null)
        {
            return ApiErrors.Validation(body.Errors);
        }
        var (status, user, token) = await c.Store.CreateUserAsync(candidate, withAuthToken);
        return status switch
        {
            UserWriteStatus.UidExists => ApiErrors.UidAlreadyExists(candidate.Uid),
            UserWriteStatus.RoleNotFound => ApiErrors.RoleNotFound(candidate.Role),
            _ => ApiResult.Data(w => UserJson.Write(w, user!, UserView.WithTags with { AuthToken = token?.Token })),
        };
    }

    private static ValueTask<ApiResult> Get(ApiContext c)
    {
        var state = c.Store.Snapshot;
        if (!OnBehalfOf.TryResolve(c, state, out var viewer, out var error))
        {
            return ValueTask.FromResult(error!);
        }
        var user = state.ActiveUser(c.Uid);
        if (user is null)
        {
            return ValueTask.FromResult(ApiErrors.UidNotFound(c.Uid));
        }
        var view = viewer is null ? UserView.WithTags : UserView.WithTags with { Relation = OnBehalfOf.RelationOf(state, viewer, user.Uid) };
        return ValueTask.FromResult(ApiResult.Data(w => UserJson.Write(w, user, view)));
    }

    private static async ValueTask<ApiResult> Update(ApiContext c)
    {
        if (!c.TryReadBody(out var body, out var error))
        {
            return error!;
        }
        var (apply, role) = UserValidator.ForUpdate(body);
        if (apply is null)
        {
            return ApiErrors.Validation(body.Errors);
        }
        var (status, user) = await c.Store.UpdateUserAsync(c.Uid, role, apply);
        return status switch
        {
            UserWriteStatus.NotFound => ApiErrors.UidNotFound(c.Uid),
            UserWriteStatus.RoleNotFound => ApiErrors.RoleNotFound(role!),
            _ => ApiResult.Data(w => UserJson.Write(w, user!, UserView.WithTags)),
        };
    }

    private static async ValueTask<ApiResult> Delete(ApiContext c)
    {
        if (!c.TryReadBody(out var body, out var error))
        {
            return error!;
        }
        var permanent = body.Bool("permanent") ?? false;
        if (!body.Errors.IsEmpty)
        {
            return ApiErrors.Validation(body.Errors);
        }
        var uid = c.Uid;
        if (permanent)
        {
            return await c.Store.DeleteUserAsync(uid) == UserWriteStatus.NotFound
                ? ApiErrors.UidNotFound(uid)
                : ApiResult.Success($"User with {uid} has been deleted successfully.");
        }
        return await c.Store.DeactivateUserAsync(uid) switch
        {
            UserWriteStatus.NotFound => ApiErrors.UidNotFound(uid),
            UserWriteStatus.AlreadyDeactivated => ApiResult.Data(w => Buckets.Write(w, ("alreadyDeactivatedUids", [uid]))),
            _ => ApiResult.Data(w => Buckets.Write(w, ("deactivatedUids", [uid]))),
        };
    }
}
