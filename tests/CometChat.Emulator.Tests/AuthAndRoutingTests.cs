using System.Net;

namespace CometChat.Emulator.Tests;

public sealed class AuthAndRoutingTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Missing_key_gives_401_AUTH_ERR_EMPTY_APIKEY(string? key)
    {
        (await Emu.SendAsync("GET", "/v3/users", key: key)).AssertError(HttpStatusCode.Unauthorized, "AUTH_ERR_EMPTY_APIKEY");
    }

    [Fact]
    public async Task Unknown_key_gives_401_AUTH_ERR_APIKEY_NOT_FOUND()
    {
        var r = (await Emu.GetAsync("/v3/users", key: "wrong")).AssertError(HttpStatusCode.Unauthorized, "AUTH_ERR_APIKEY_NOT_FOUND");
        Assert.Equal("The key ***** does not exist. Please use correct apiKey.", r.Error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Key_header_name_is_case_insensitive()
    {
        (await Emu.SendAsync("GET", "/v3/users", key: null, headers: new Dictionary<string, string> { ["apiKey"] = TestEmulator.ApiKey })).AssertOk();
        (await Emu.SendAsync("GET", "/v3/users", key: null, headers: new Dictionary<string, string> { ["APIKEY"] = TestEmulator.ApiKey })).AssertOk();
    }

    [Fact]
    public async Task AuthOnly_key_creates_users_and_tokens()
    {
        (await Emu.PostAsync("/v3/users", new { uid = "u", name = "U" }, TestEmulator.AuthOnlyKey)).AssertOk();
        (await Emu.PostAsync("/v3/users/u/auth_tokens", new { }, TestEmulator.AuthOnlyKey)).AssertOk();
    }

    [Theory]
    [InlineData("GET", "/v3/users")]
    [InlineData("GET", "/v3/users/u")]
    [InlineData("PUT", "/v3/users/u")]
    [InlineData("DELETE", "/v3/users/u")]
    [InlineData("DELETE", "/v3/users")]
    [InlineData("PUT", "/v3/users")]
    [InlineData("GET", "/v3/users/u/auth_tokens")]
    [InlineData("DELETE", "/v3/users/u/auth_tokens")]
    [InlineData("POST", "/v3/users/u/blockedusers")]
    [InlineData("GET", "/v3/roles")]
    [InlineData("POST", "/v3/roles")]
    [InlineData("DELETE", "/v3/roles/default")]
    public async Task AuthOnly_key_elsewhere_gives_403_AUTH_ERR_NO_ACCESS(string method, string path)
    {
        await Emu.CreateUserAsync("u");
        var r = (await Emu.SendAsync(method, path, "{}", TestEmulator.AuthOnlyKey)).AssertError(HttpStatusCode.Forbidden, "AUTH_ERR_NO_ACCESS");
        Assert.Contains(TestEmulator.AuthOnlyKey, r.Error.GetProperty("message").GetString());
        (await Emu.GetAsync("/v3/users/u")).AssertOk(); // nothing changed
        Assert.Equal(1, (await Emu.GetAsync("/v3/roles")).Data.GetArrayLength());
    }

    [Theory]
    [InlineData("GET", "/v3/nope")]
    [InlineData("PATCH", "/v3/users/u")]
    [InlineData("POST", "/v3/users/u")]
    [InlineData("PATCH", "/v3/users")]
    [InlineData("GET", "/v3/users/u/groups")]
    [InlineData("GET", "/v3/users/u/auth_tokens/t/extra")]
    [InlineData("GET", "/v2.0/users")]
    [InlineData("GET", "/")]
    [InlineData("GET", "/_emulator/nope")]
    [InlineData("DELETE", "/_emulator/health")]
    [InlineData("OPTIONS", "/v3/users")]
    [InlineData("HEAD", "/v3/nope")]
    public async Task Unknown_route_or_method_gives_404_ERR_API_NOT_FOUND(string method, string path)
    {
        var r = await Emu.SendAsync(method, path);
        Assert.Equal(HttpStatusCode.NotFound, r.Status);
        if (method != "HEAD")
        {
            r.AssertError(HttpStatusCode.NotFound, "ERR_API_NOT_FOUND");
            Assert.Equal("The API endpoint is invalid. Please verify the API call.", r.Error.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task Body_over_10240_bytes_gives_413()
    {
        var body = "{\"uid\":\"u\",\"name\":\"" + new string('n', 10_240) + "\"}";
        (await Emu.PostAsync("/v3/users", body)).AssertError(HttpStatusCode.RequestEntityTooLarge, "ERR_PAYLOAD_TOO_LARGE");
        var exact = "{\"uid\":\"u\",\"name\":\"n\",\"metadata\":{\"a\":\"" + new string('m', 5000) + "\"}}";
        exact += new string(' ', 10_240 - exact.Length);
        (await Emu.PostAsync("/v3/users", exact)).AssertOk();
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_gives_413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/users");
        request.Headers.Add("apikey", TestEmulator.ApiKey);
        request.Content = new StreamContent(new MemoryStream(new byte[20_000]));
        request.Headers.TransferEncodingChunked = true;
        request.Content.Headers.ContentType = new("application/json");
        using var response = await Emu.Http.SendAsync(request);
        (await ApiResponse.ReadAsync(response)).AssertError(HttpStatusCode.RequestEntityTooLarge, "ERR_PAYLOAD_TOO_LARGE");
    }

    [Fact]
    public async Task Every_v3_response_carries_rate_limit_headers()
    {
        foreach (var r in new[]
        {
            await Emu.GetAsync("/v3/users"),
            await Emu.GetAsync("/v3/users", key: null),
            await Emu.GetAsync("/v3/nope"),
            await Emu.PostAsync("/v3/users", "{"),
        })
        {
            Assert.NotNull(r.Header("X-Rate-Limit"));
            Assert.NotNull(r.Header("X-Rate-Limit-Remaining"));
        }
        var admin = await Emu.GetAsync("/_emulator/health");
        Assert.Null(admin.Header("X-Rate-Limit"));
    }
}
