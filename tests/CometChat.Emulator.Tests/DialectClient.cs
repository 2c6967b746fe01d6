using System.Net;
using System.Text;
using System.Text.Json;

namespace CometChat.Emulator.Tests;

/// <summary>How a client writes array query parameters.</summary>
public enum ArrayStyle
{
    /// <summary><c>tags%5B0%5D=a&amp;tags%5B1%5D=b</c>, as PHP's <c>http_build_query</c> does.</summary>
    Indexed,

    /// <summary><c>tags[]=a&amp;tags[]=b</c>, as axios does.</summary>
    Brackets,
}

/// <summary>A list request; null leaves a parameter out.</summary>
public sealed record UserListQuery
{
    public string[]? Tags { get; init; }

    public string[]? Roles { get; init; }

    public string? SearchKey { get; init; }

    public string[]? SearchIn { get; init; }

    public bool? WithTags { get; init; }

    public bool? WithDeactivated { get; init; }

    public bool? OnlyDeactivated { get; init; }

    public int? PerPage { get; init; }
}

/// <summary>An error answer of the service.</summary>
public sealed class DialectClientException(HttpStatusCode status, string? code, string? message, string? devMessage)
    : Exception($"{(int)status} {code}: {message}")
{
    public HttpStatusCode Status => status;

    public string? Code => code;

    public string? DevMessage => devMessage;
}

/// <summary>
/// A CometChat REST client written the way public clients of the real service are, not the way this project's
/// client is: its base URL ends in <c>/v3.0</c>, metadata is typed as a string of JSON, array query parameters
/// are written in bracket form and booleans as 1/0. Plain <see cref="HttpClient"/>, no shared code with the
/// module, so it shows what such a client meets on the emulator.
/// </summary>
public sealed class DialectClient(string baseAddress, string apiKey, ArrayStyle arrays = ArrayStyle.Indexed) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseAddress.TrimEnd('/') + "/v3.0/") };

    public Task<JsonElement> CreateUserAsync(string uid, string name, string? metadataJson = null, string[]? tags = null, string? role = null) =>
        SendAsync(HttpMethod.Post, "users", new Dictionary<string, object?>
        {
            ["uid"] = uid,
            ["name"] = name,
            ["metadata"] = metadataJson,
            ["tags"] = tags,
            ["role"] = role,
        });

    public Task<JsonElement> UpdateUserAsync(string uid, string? name = null, string? metadataJson = null) =>
        SendAsync(HttpMethod.Put, $"users/{uid}", new Dictionary<string, object?> { ["name"] = name, ["metadata"] = metadataJson });

    public Task<JsonElement> GetUserAsync(string uid) => SendAsync(HttpMethod.Get, $"users/{uid}");

    public Task<JsonElement> DeactivateUserAsync(string uid) => SendAsync(HttpMethod.Delete, $"users/{uid}", new Dictionary<string, object?>());

    public Task<JsonElement> CreateRoleAsync(string role, string name) =>
        SendAsync(HttpMethod.Post, "roles", new Dictionary<string, object?> { ["role"] = role, ["name"] = name });

    public Task<JsonElement> CreateAuthTokenAsync(string uid) => SendAsync(HttpMethod.Post, $"users/{uid}/auth_tokens", new Dictionary<string, object?>());

    public Task<JsonElement> BlockAsync(string uid, params string[] blocked) =>
        SendAsync(HttpMethod.Post, $"users/{uid}/blockedusers", new Dictionary<string, object?> { ["blockedUids"] = blocked });

    public Task<JsonElement> ListBlockedAsync(string uid) => SendAsync(HttpMethod.Get, $"users/{uid}/blockedusers");

    /// <summary>The uids of one page of <c>GET /users</c>, in the order returned.</summary>
    public async Task<string[]> ListUidsAsync(UserListQuery query)
    {
        var users = await SendAsync(HttpMethod.Get, "users?" + QueryString(query));
        return users.EnumerateArray().Select(u => u.GetProperty("uid").GetString()!).ToArray();
    }

    /// <summary>The query string as the chosen style writes it.</summary>
    public string QueryString(UserListQuery query)
    {
        var parts = new List<string>();
        void Array(string name, string[]? values)
        {
            for (var i = 0; i < (values?.Length ?? 0); i++)
            {
                parts.Add(arrays == ArrayStyle.Indexed
                    ? $"{Uri.EscapeDataString($"{name}[{i}]")}={Uri.EscapeDataString(values![i])}"
                    : $"{name}[]={Uri.EscapeDataString(values![i])}");
            }
        }
        void Flag(string name, bool? value)
        {
            if (value is { } flag) parts.Add($"{name}={(flag ? 1 : 0)}");
        }
        Array("tags", query.Tags);
        Array("roles", query.Roles);
        Array("searchIn", query.SearchIn);
        if (query.SearchKey is not null) parts.Add("searchKey=" + Uri.EscapeDataString(query.SearchKey));
        Flag("withTags", query.WithTags);
        Flag("withDeactivated", query.WithDeactivated);
        Flag("onlyDeactivated", query.OnlyDeactivated);
        if (query.PerPage is { } perPage) parts.Add($"perPage={perPage}");
        return string.Join("&", parts);
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, Dictionary<string, object?>? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("apiKey", apiKey);
        request.Headers.Add("Accept", "application/json");
        if (body is not null)
        {
            var fields = body.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);
            request.Content = new StringContent(JsonSerializer.Serialize(fields), Encoding.UTF8, "application/json");
        }
        using var response = await _http.SendAsync(request);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        if (!response.IsSuccessStatusCode)
        {
            var error = document.RootElement.GetProperty("error");
            throw new DialectClientException(response.StatusCode, error.GetProperty("code").GetString(),
                error.GetProperty("message").GetString(), error.GetProperty("devMessage").GetString());
        }
        return document.RootElement.GetProperty("data").Clone();
    }

    public void Dispose() => _http.Dispose();
}
