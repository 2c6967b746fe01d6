using System.Collections.Immutable;
using CometChat.Emulator.Http;
using CometChat.Emulator.RateLimiting;
using CometChat.Emulator.Storage;
using CometChat.Emulator.Validation;

namespace CometChat.Emulator.Endpoints;

/// <summary><c>GET /v3/users</c> (§7.2).</summary>
public static class UserListEndpoint
{
    /// <summary>Registers the route.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapApi("GET", "/v3/users", Bucket.Standard, List);

    private static ValueTask<ApiResult> List(ApiContext c) => ValueTask.FromResult(Run(c));

    private static ApiResult Run(ApiContext c)
    {
        var q = c.Query();
        var (perPage, page) = q.Paging();
        var searchIn = q.List("searchIn");
        foreach (var field in searchIn.Where(f => f is not ("name" or "uid")))
        {
            q.Errors.Add("searchIn", $"The selected searchIn value '{field}' is invalid. Allowed: name, uid.");
        }
        var statusText = q.String("status");
        bool? online = statusText?.Trim().ToLowerInvariant() switch
        {
            null => null,
            "available" or "online" => true,
            "offline" => false,
            _ => Invalid(q.Errors, "status", "The selected status is invalid. Allowed: available, online, offline."),
        };
        var roles = q.List("roles").Concat(q.List("role")).Select(r => r.ToLowerInvariant()).ToImmutableHashSet(StringComparer.Ordinal);
        var tags = q.List("tags").ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
        var withTags = q.Bool("withTags");
        var withDeactivated = q.Bool("withDeactivated");
        var onlyDeactivated = q.Bool("onlyDeactivated");
        _ = q.Bool("count"); // validated, otherwise ignored: the live response shape is undocumented
        if (!q.Errors.IsEmpty)
        {
            return ApiErrors.Validation(q.Errors);
        }

        var state = c.Store.Snapshot;
        if (!OnBehalfOf.TryResolve(c, state, out var viewer, out var error))
        {
            return error!;
        }
        var query = new UserQuery
        {
            PerPage = perPage,
            Page = page,
            SearchKey = q.String("searchKey"),
            SearchInUid = searchIn.Count == 0 || searchIn.Contains("uid"),
            SearchInName = searchIn.Count == 0 || searchIn.Contains("name"),
            Online = online,
            Roles = roles,
            Tags = tags,
            WithDeactivated = withDeactivated,
            OnlyDeactivated = onlyDeactivated,
        };
        var (items, total) = query.Run(state);
        var baseView = withTags ? UserView.WithTags : UserView.Plain;
        long? cursor = items.Count == 0 ? null : items.Max(u => u.UpdatedAt ?? u.CreatedAt);
        return ApiResult.Data(
            Pagination.Array(items, (w, u) => UserJson.Write(w, u,
                viewer is null ? baseView : baseView with { Relation = OnBehalfOf.RelationOf(state, viewer, u.Uid) })),
            Pagination.Meta(total, items.Count, perPage, page, cursor, withCursor: true));
    }

    private static bool? Invalid(ValidationErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return null;
    }
}
