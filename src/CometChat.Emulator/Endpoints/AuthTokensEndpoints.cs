using CometChat.Emulator.Http;
using CometChat.Emulator.RateLimiting;
using CometChat.Emulator.Validation;

namespace CometChat.Emulator.Endpoints;

/// <summary><c>/v3/users/{uid}/auth_tokens</c> (§11).</summary>
public static class AuthTokensEndpoints
{
    private const string Tokens = "/v3/users/{uid}/auth_tokens";
    private const string OneToken = "/v3/users/{uid}/auth_tokens/{authToken}";

    /// <summary>Registers the routes.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapApi("POST", Tokens, Bucket.Core, Create, allowAuthOnly: true);
        app.MapApi("GET", Tokens, Bucket.Standard, List);
        app.MapApi("DELETE", Tokens, Bucket.Standard, Flush);
        app.MapApi("GET", OneToken, Bucket.Standard, Get);
        app.MapApi("PUT", OneToken, Bucket.Standard, Update);
        app.MapApi("DELETE", OneToken, Bucket.Standard, Delete);
    }

    private static string TokenOf(ApiContext c) => c.Route("authToken").ToLowerInvariant();

    private static async ValueTask<ApiResult> Create(ApiContext c)
    {
        if (!c.TryReadBody(out var body, out var error))
        {
            return error!;
        }
        var force = body.Bool("force") ?? false;
        if (!body.Errors.IsEmpty)
        {
            return ApiErrors.Validation(body.Errors);
        }
        var token = await c.Store.CreateTokenAsync(c.Uid, force);
        return token is null ? ApiErrors.UidNotFound(c.Uid) : ApiResult.Data(w => Write(w, token));
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
        if (state.ActiveUser(c.Uid) is null)
        {
            return ValueTask.FromResult(ApiErrors.UidNotFound(c.Uid));
        }
        var all = state.Tokens.GetValueOrDefault(c.Uid);
        var total = all?.Count ?? 0;
        var items = (IEnumerable<AuthToken>?)all ?? [];
        var pageItems = items.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * perPage)).Take(perPage).ToList();
        return ValueTask.FromResult(ApiResult.Data(
            Pagination.Array(pageItems, Write), Pagination.Meta(total, pageItems.Count, perPage, page)));
    }

    private static async ValueTask<ApiResult> Flush(ApiContext c) =>
        await c.Store.FlushTokensAsync(c.Uid)
            ? ApiResult.Success($"Cleared Auth Tokens successfully for uid {c.Uid}.")
            : ApiErrors.UidNotFound(c.Uid);

    private static ValueTask<ApiResult> Get(ApiContext c)
    {
        var state = c.Store.Snapshot;
        var token = TokenOf(c);
        var found = state.ActiveUser(c.Uid) is null ? null : state.Tokens.GetValueOrDefault(c.Uid)?.Find(t => t.Token == token);
        return ValueTask.FromResult(found is null ? ApiErrors.AuthTokenNotFound(token) : ApiResult.Data(w => Write(w, found)));
    }

    private static async ValueTask<ApiResult> Update(ApiContext c)
    {
        if (!c.TryReadBody(out var body, out var error))
        {
            return error!;
        }
        var platform = body.String("platform");
        var userAgent = body.String("userAgent");
        var appInfoElement = body.Object("appInfo");
        FieldRules.MaxLength(body.Errors, "platform", platform, 100);
        FieldRules.MaxLength(body.Errors, "userAgent", userAgent, 1000);
        var appInfo = FieldRules.Metadata(body.Errors, "appInfo", appInfoElement);
        if (!body.Errors.IsEmpty)
        {
            return ApiErrors.Validation(body.Errors);
        }
        var token = TokenOf(c);
        var updated = await c.Store.UpdateTokenAsync(c.Uid, token, t => t with
        {
            Platform = platform is null ? t.Platform : platform.Length == 0 ? null : platform,
            UserAgent = userAgent is null ? t.UserAgent : userAgent.Length == 0 ? null : userAgent,
            AppInfo = appInfoElement is null ? t.AppInfo : appInfo,
        });
        return updated is null ? ApiErrors.AuthTokenNotFound(token) : ApiResult.Data(w => Write(w, updated));
    }

    private static async ValueTask<ApiResult> Delete(ApiContext c)
    {
        var token = TokenOf(c);
        return await c.Store.DeleteTokenAsync(c.Uid, token)
            ? ApiResult.Success($"The auth token {token} of uid {c.Uid} has been deleted successfully.")
            : ApiErrors.AuthTokenNotFound(token);
    }

    /// <summary>The token object: uid, authToken, createdAt, then device fields when set.</summary>
    private static void Write(Utf8JsonWriter w, AuthToken t)
    {
        w.WriteStartObject();
        w.WriteString("uid", t.Uid);
        w.WriteString("authToken", t.Token);
        w.WriteNumber("createdAt", t.CreatedAt);
        if (t.Platform is not null) w.WriteString("platform", t.Platform);
        if (t.UserAgent is not null) w.WriteString("userAgent", t.UserAgent);
        if (t.AppInfo is not null)
        {
            w.WritePropertyName("appInfo");
            w.WriteRawValue(t.AppInfo, skipInputValidation: true);
        }
        if (t.UpdatedAt is { } updated) w.WriteNumber("updatedAt", updated);
        w.WriteEndObject();
    }
}
