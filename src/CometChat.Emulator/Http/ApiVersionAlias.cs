namespace CometChat.Emulator.Http;

/// <summary>
/// Serves <c>/v3.0</c> as <c>/v3</c>: clients written against the real service use both prefixes. The path is
/// rewritten before routing, so rate limits, faults (whose fate hashes the path) and counters (which name the
/// <c>/v3</c> route template) treat the two prefixes as one API.
/// </summary>
public static class ApiVersionAlias
{
    private static readonly PathString Alias = "/v3.0";
    private static readonly PathString Api = "/v3";

    /// <summary>Middleware: rewrites <c>/v3.0/…</c> (any case) to <c>/v3/…</c>, then continues.</summary>
    public static Task RewriteAsync(HttpContext http, RequestDelegate next)
    {
        if (http.Request.Path.StartsWithSegments(Alias, StringComparison.OrdinalIgnoreCase, out var rest))
        {
            http.Request.Path = Api.Add(rest);
        }
        return next(http);
    }
}
