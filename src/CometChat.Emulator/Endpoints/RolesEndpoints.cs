using CometChat.Emulator.Http;
using CometChat.Emulator.RateLimiting;
using CometChat.Emulator.Storage;
using CometChat.Emulator.Validation;

namespace CometChat.Emulator.Endpoints;

/// <summary><c>/v3/roles</c> and <c>/v3/roles/{role}</c> (§13).</summary>
public static class RolesEndpoints
{
    /// <summary>Registers the routes.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapApi("POST", "/v3/roles", Bucket.Standard, Create);
        app.MapApi("GET", "/v3/roles", Bucket.Standard, List);
        app.MapApi("GET", "/v3/roles/{role}", Bucket.Standard, Get);
        app.MapApi("PUT", "/v3/roles/{role}", Bucket.Standard, Update);
        app.MapApi("DELETE", "/v3/roles/{role}", Bucket.Standard, Delete);
    }

    private static string RoleId(ApiContext c) => c.Route("role").ToLowerInvariant();

    private static async ValueTask<ApiResult> Create(ApiContext c)
    {
        if (!c.TryReadBody(out var body, out var error))
        {
            return error!;
        }
        var candidate = RoleValidator.ForCreate(body);
        if (candidate is null)
        {
            return ApiErrors.Validation(body.Errors);
        }
        var (status, role) = await c.Store.CreateRoleAsync(candidate);
        return status switch
        {
            RoleWriteStatus.Exists => ApiErrors.BadField("role", "The role has already been taken."),
            RoleWriteStatus.TooMany => ApiErrors.BadField("role", $"An app may not have more than {Roles.MaxRoles} roles."),
            _ => ApiResult.Data(w => RoleJson.Write(w, role!)),
        };
    }

    private static ValueTask<ApiResult> List(ApiContext c)
    {
        var q = c.Query();
        var (perPage, page) = q.Paging();
        if (!q.Errors.IsEmpty)
        {
            return ValueTask.FromResult(ApiErrors.Validation(q.Errors));
        }
        var all = c.Store.Snapshot.Roles.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var items = all.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * perPage)).Take(perPage).ToList();
        return ValueTask.FromResult(ApiResult.Data(
            Pagination.Array(items, RoleJson.Write),
            Pagination.Meta(all.Count, items.Count, perPage, page)));
    }

    private static ValueTask<ApiResult> Get(ApiContext c)
    {
        var id = RoleId(c);
        return ValueTask.FromResult(c.Store.Snapshot.Roles.TryGetValue(id, out var role)
            ? ApiResult.Data(w => RoleJson.Write(w, role))
            : ApiErrors.RoleNotFound(id));
    }

    private static async ValueTask<ApiResult> Update(ApiContext c)
    {
        if (!c.TryReadBody(out var body, out var error))
        {
            return error!;
        }
        var apply = RoleValidator.ForUpdate(body);
        if (apply is null)
        {
            return ApiErrors.Validation(body.Errors);
        }
        var id = RoleId(c);
        var (status, role) = await c.Store.UpdateRoleAsync(id, apply);
        return status == RoleWriteStatus.NotFound ? ApiErrors.RoleNotFound(id) : ApiResult.Data(w => RoleJson.Write(w, role!));
    }

    private static async ValueTask<ApiResult> Delete(ApiContext c)
    {
        var id = RoleId(c);
        return await c.Store.DeleteRoleAsync(id) switch
        {
            RoleWriteStatus.DeleteDenied => ApiErrors.RoleDeleteDenied(id),
            RoleWriteStatus.NotFound => ApiErrors.RoleNotFound(id),
            _ => ApiResult.Success($"Role {id} has been deleted successfully."),
        };
    }
}
