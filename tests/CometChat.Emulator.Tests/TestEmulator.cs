using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CometChat.Emulator.Hosting;
using CometChat.Emulator.Model;
using CometChat.Emulator.Settings;

namespace CometChat.Emulator.Tests;

/// <summary>An in-process emulator on a free loopback port, with an HTTP client for it.</summary>
public sealed class TestEmulator : IAsyncDisposable
{
    public const string ApiKey = "test-full-access-key";
    public const string AuthOnlyKey = "test-auth-only-key";

    private TestEmulator(EmulatorApp app)
    {
        App = app;
        Http = new HttpClient { BaseAddress = new Uri(app.BaseAddress), Timeout = TimeSpan.FromSeconds(30) };
    }

    public EmulatorApp App { get; }

    public HttpClient Http { get; }

    /// <summary>Starts an emulator; rate limits stay at the defaults unless <paramref name="settings"/> says otherwise.</summary>
    public static async Task<TestEmulator> StartAsync(EmulatorSettings? settings = null, TimeProvider? time = null, string? dataPath = null,
        SampleDataSet sampleData = SampleDataSet.None)
    {
        var app = EmulatorApp.Create(new EmulatorOptions
        {
            ApiKey = ApiKey,
            AuthOnlyKey = AuthOnlyKey,
            Settings = settings ?? new EmulatorSettings(),
            TimeProvider = time ?? TimeProvider.System,
            DataPath = dataPath,
            SampleData = sampleData,
        });
        await app.StartAsync();
        return new TestEmulator(app);
    }

    /// <summary>Sends a request. <paramref name="body"/> is raw JSON text (string) or an object to serialize.</summary>
    public async Task<ApiResponse> SendAsync(string method, string path, object? body = null, string? key = ApiKey,
        IDictionary<string, string>? headers = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("apikey", key);
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        if (body is not null)
        {
            var text = body as string ?? JsonSerializer.Serialize(body);
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        using var response = await Http.SendAsync(request);
        return await ApiResponse.ReadAsync(response);
    }

    public Task<ApiResponse> GetAsync(string path, string? key = ApiKey, IDictionary<string, string>? headers = null) =>
        SendAsync("GET", path, null, key, headers);

    public Task<ApiResponse> PostAsync(string path, object? body, string? key = ApiKey) => SendAsync("POST", path, body, key);

    public Task<ApiResponse> PutAsync(string path, object? body, string? key = ApiKey) => SendAsync("PUT", path, body, key);

    public Task<ApiResponse> DeleteAsync(string path, object? body = null, string? key = ApiKey) => SendAsync("DELETE", path, body, key);

    /// <summary>Creates a user and asserts 200.</summary>
    public async Task<JsonElement> CreateUserAsync(string uid, string? name = null, object? extra = null)
    {
        var fields = new Dictionary<string, object?> { ["uid"] = uid, ["name"] = name ?? uid };
        if (extra is not null)
        {
            foreach (var p in JsonSerializer.SerializeToElement(extra).EnumerateObject())
            {
                fields[p.Name] = p.Value;
            }
        }
        var response = await PostAsync("/v3/users", fields);
        Assert.True(response.Status == HttpStatusCode.OK, response.Text);
        return response.Data;
    }

    /// <summary>Resets data, counters and windows through the admin surface.</summary>
    public async Task ResetAsync()
    {
        var response = await SendAsync("POST", "/_emulator/reset");
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>A response: status, headers and parsed JSON (undefined when the body is not JSON).</summary>
public sealed record ApiResponse(HttpStatusCode Status, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, string Text, JsonElement Json)
{
    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        JsonElement json = default;
        try
        {
            json = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            // Not JSON (e.g. an injected 502 page); tests look at Text.
        }
        return new ApiResponse(response.StatusCode, response.Headers, response.Content.Headers, text, json);
    }

    public JsonElement Data => Json.GetProperty("data");

    public JsonElement Error => Json.GetProperty("error");

    public string? ErrorCode => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("error", out var e) ? e.GetProperty("code").GetString() : null;

    /// <summary>The messages of one <c>details</c> key.</summary>
    public string[] Details(string key) =>
        Error.GetProperty("details").GetProperty(key).EnumerateArray().Select(m => m.GetString()!).ToArray();

    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? values.First() : null;

    /// <summary>Asserts status and error code, and the envelope's fixed parts.</summary>
    public ApiResponse AssertError(HttpStatusCode status, string code)
    {
        Assert.True(Status == status, $"expected {(int)status} {code}, got {(int)Status}: {Text}");
        Assert.Equal(code, ErrorCode);
        Assert.Equal("chat-api", Error.GetProperty("source").GetString());
        Assert.False(string.IsNullOrEmpty(Error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(Error.GetProperty("devMessage").GetString()));
        Assert.False(Json.TryGetProperty("data", out _));
        return this;
    }

    public ApiResponse AssertOk()
    {
        Assert.True(Status == HttpStatusCode.OK, $"expected 200, got {(int)Status}: {Text}");
        return this;
    }
}

/// <summary>One emulator shared by the tests of a class; each test starts from a reset.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public TestEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync() => Emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}

/// <summary>Base of test classes that share a fixture emulator and reset it before each test.</summary>
public abstract class EmulatorTest(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    protected TestEmulator Emu => fixture.Emulator;

    public Task InitializeAsync() => fixture.Emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
