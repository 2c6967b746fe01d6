using CometChat.Emulator.Http;
using CometChat.Emulator.RateLimiting;
using CometChat.Emulator.Validation;

namespace CometChat.Emulator.Endpoints;

/// <summary>Bulk deactivate <c>DELETE /v3/users</c> and reactivate <c>PUT /v3/users</c> (§7.6, §7.7).</summary>
public static class BulkUsersEndpoints
{
    /// <summary>Registers the routes.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapApi("DELETE", "/v3/users", Bucket.Core, c => Run(c, "uidsToDeactivate", active: false));
        app.MapApi("PUT", "/v3/users", Bucket.Standard, c => Run(c, "uidsToActivate", active: true));
    }

    private static async ValueTask<ApiResult> Run(ApiContext c, string field, bool active)
    {
        if (!c.TryReadBody(out var body, out var error))
        {
            return error!;
        }
        var uids = body.StringArray(field);
        if (uids is null ? !body.Errors.ContainsKey(field) : uids.Count == 0)
        {
            body.Errors.Add(field, $"The {field} field is required.");
        }
        if (!body.Errors.IsEmpty)
        {
            return ApiErrors.Validation(body.Errors);
        }
        var result = await c.Store.SetActiveManyAsync(uids!, active);
        return active
            ? ApiResult.Data(w => Buckets.Write(w,
                ("reactivatedUids", result.Changed), ("nonDeactivatedUids", result.Unchanged), ("notFound", result.NotFound)))
            : ApiResult.Data(w => Buckets.Write(w,
                ("deactivatedUids", result.Changed), ("alreadyDeactivatedUids", result.Unchanged), ("notFound", result.NotFound)));
    }
}
