using CometChat.Emulator.RateLimiting;

namespace CometChat.Emulator.Http;

/// <summary>Handles one /v3 operation and returns the response to send.</summary>
public delegate ValueTask<ApiResult> ApiHandler(ApiContext context);

/// <summary>
/// Endpoint metadata of a /v3 operation: its route template (for counters), rate bucket, key scope and handler.
/// The <see cref="ApiPipeline"/> runs it; ASP.NET Core routing is used only to match the path.
/// </summary>
public sealed record ApiOperation(string Method, string Template, Bucket Bucket, bool AllowAuthOnly, ApiHandler Handler)
{
    /// <summary>Writes may fail after being applied when a fault is injected.</summary>
    public bool IsWrite => !HttpMethods.IsGet(Method);
}

/// <summary>Registers /v3 operations.</summary>
public static class ApiRoutes
{
    /// <summary>Maps one operation; the endpoint's own delegate never runs (the pipeline answers /v3).</summary>
    public static void MapApi(this IEndpointRouteBuilder app, string method, string template, Bucket bucket,
        ApiHandler handler, bool allowAuthOnly = false) =>
        app.MapMethods(template, [method], (RequestDelegate)(_ => Task.CompletedTask))
            .WithMetadata(new ApiOperation(method, template, bucket, allowAuthOnly, handler));
}
