using CometChat.Emulator.Runtime;
using CometChat.Emulator.Storage;
using CometChat.Emulator.Validation;

namespace CometChat.Emulator.Http;

/// <summary>What a handler gets: the request, its body bytes and the emulator's state.</summary>
public sealed class ApiContext(HttpContext http, EmulatorRuntime runtime, byte[] body)
{
    /// <summary>The ASP.NET Core request.</summary>
    public HttpContext Http => http;

    /// <summary>The data store.</summary>
    public Store Store => runtime.Store;

    /// <summary>The emulator's shared services.</summary>
    public EmulatorRuntime Runtime => runtime;

    /// <summary>A route value as sent (still URL-encoded for <c>%2F</c>).</summary>
    public string Route(string name) => http.Request.RouteValues[name]?.ToString() ?? "";

    /// <summary>The path uid, lowercased for lookup (#3).</summary>
    public string Uid => Route("uid").ToLowerInvariant();

    /// <summary>A reader for the query string.</summary>
    public QueryReader Query() => new(http.Request.Query);

    /// <summary>A request header, or null when absent or blank.</summary>
    public string? Header(string name)
    {
        var value = http.Request.Headers[name].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>Parses the body as a JSON object (empty = <c>{}</c>).</summary>
    public bool TryReadBody(out JsonBody json, out ApiResult? error)
    {
        var read = JsonBody.TryParse(body, http.Request.ContentType, out json, out var problem);
        error = read ? null : ApiErrors.BadRequest(problem!);
        return read;
    }
}
