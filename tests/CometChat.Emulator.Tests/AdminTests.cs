using System.Net;
using System.Text;

namespace CometChat.Emulator.Tests;

public sealed class AdminTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Fact]
    public async Task Health_needs_no_key()
    {
        var r = (await Emu.GetAsync("/_emulator/health", key: null)).AssertOk();
        Assert.Equal("""{"data":{"status":"ok"}}""", r.Text);
    }

    [Theory]
    [InlineData("POST", "/_emulator/reset")]
    [InlineData("POST", "/_emulator/presence")]
    [InlineData("GET", "/_emulator/counters")]
    [InlineData("DELETE", "/_emulator/counters")]
    [InlineData("GET", "/_emulator/settings")]
    [InlineData("PUT", "/_emulator/settings")]
    [InlineData("POST", "/_emulator/shutdown")]
    public async Task Admin_needs_the_fullAccess_key(string method, string path)
    {
        (await Emu.SendAsync(method, path, "{}", key: null)).AssertError(HttpStatusCode.Unauthorized, "AUTH_ERR_EMPTY_APIKEY");
        (await Emu.SendAsync(method, path, "{}", key: "wrong")).AssertError(HttpStatusCode.Unauthorized, "AUTH_ERR_APIKEY_NOT_FOUND");
        (await Emu.SendAsync(method, path, "{}", key: TestEmulator.AuthOnlyKey)).AssertError(HttpStatusCode.Forbidden, "AUTH_ERR_NO_ACCESS");
    }

    [Fact]
    public async Task Reset_removes_users_tokens_and_blocks()
    {
        await Emu.CreateUserAsync("a", "A", new { withAuthToken = true });
        await Emu.CreateUserAsync("b");
        await Emu.PostAsync("/v3/users/a/blockedusers", new { blockedUids = new[] { "b" } });
        await Emu.ResetAsync();
        Assert.Equal(0, (await Emu.GetAsync("/v3/users?withDeactivated=true")).Data.GetArrayLength());
        await Emu.CreateUserAsync("a");
        await Emu.CreateUserAsync("b");
        Assert.Equal(0, (await Emu.GetAsync("/v3/users/a/auth_tokens")).Data.GetArrayLength());
        Assert.Equal(0, (await Emu.GetAsync("/v3/users/a/blockedusers")).Data.GetArrayLength());
        var counters = (await Emu.GetAsync("/_emulator/counters")).Data;
        Assert.Equal(5, counters.GetProperty("totalRequests").GetInt64());
    }

    [Fact]
    public async Task Presence_marks_users_and_reports_unknown_ones()
    {
        await Emu.CreateUserAsync("a");
        var r = (await Emu.PostAsync("/_emulator/presence", new { uids = new[] { "A", "ghost" }, status = "online" })).AssertOk();
        Assert.Equal("""{"updatedUids":["a"],"notFound":["ghost"]}""", r.Data.GetRawText());
        var u = (await Emu.GetAsync("/v3/users/a")).Data;
        Assert.Equal("online", u.GetProperty("status").GetString());
        Assert.InRange(u.GetProperty("lastActiveAt").GetInt64(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        (await Emu.PostAsync("/_emulator/presence", new { uids = new[] { "a" }, status = "offline" })).AssertOk();
        Assert.Equal("offline", (await Emu.GetAsync("/v3/users/a")).Data.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("""{"uids":["a"],"status":"away"}""", "status")]
    [InlineData("""{"uids":[],"status":"online"}""", "uids")]
    [InlineData("""{"status":"online"}""", "uids")]
    [InlineData("""{"uids":["a"],"status":"online","lastActiveAt":"now"}""", "lastActiveAt")]
    public async Task Presence_validates(string body, string key)
    {
        var r = (await Emu.PostAsync("/_emulator/presence", body)).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
        Assert.NotEmpty(r.Details(key));
    }

    [Fact]
    public async Task Counters_count_by_method_route_and_status()
    {
        await Emu.CreateUserAsync("a");
        await Emu.GetAsync("/v3/users/a");
        await Emu.GetAsync("/v3/users/b");
        await Emu.GetAsync("/v3/users/b");
        await Emu.GetAsync("/v3/nowhere");
        var c = (await Emu.GetAsync("/_emulator/counters")).AssertOk().Data;
        var rows = c.GetProperty("requests").EnumerateArray()
            .ToDictionary(r => $"{r.GetProperty("method").GetString()} {r.GetProperty("route").GetString()} {r.GetProperty("status").GetInt32()}",
                r => r.GetProperty("count").GetInt64());
        Assert.Equal(1, rows["POST /v3/users 200"]);
        Assert.Equal(1, rows["GET /v3/users/{uid} 200"]);
        Assert.Equal(2, rows["GET /v3/users/{uid} 404"]);
        Assert.Equal(1, rows["GET (unmatched) 404"]);
        Assert.Equal(5, c.GetProperty("totalRequests").GetInt64());
        Assert.Equal(0, c.GetProperty("faults").GetProperty("status500").GetInt64());
        (await Emu.DeleteAsync("/_emulator/counters")).AssertOk();
        Assert.Equal(0, (await Emu.GetAsync("/_emulator/counters")).Data.GetProperty("totalRequests").GetInt64());
    }

    [Fact]
    public async Task A_request_is_counted_when_its_answer_starts_not_when_the_body_is_done()
    {
        // Tests clear the counters and then assert on them; a count that lands only after the whole answer is
        // written would leak into the next test's numbers. A client that reads the status line and then stalls
        // keeps a 5 MB page from being written out; the request must be counted all the same.
        var metadata = new { blob = new string('m', 5000) };
        for (var i = 0; i < 1000; i++)
        {
            (await Emu.PostAsync("/v3/users", new { uid = $"big{i:d4}", name = $"Big {i}", metadata })).AssertOk();
        }
        (await Emu.DeleteAsync("/_emulator/counters")).AssertOk();

        var address = new Uri(Emu.App.BaseAddress);
        using var stalled = new System.Net.Sockets.TcpClient { ReceiveBufferSize = 4096 };
        await stalled.ConnectAsync(address.Host, address.Port);
        var stream = stalled.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(
            $"GET /v3/users?perPage=1000 HTTP/1.1\r\nHost: {address.Authority}\r\napikey: {TestEmulator.ApiKey}\r\n\r\n"));
        var head = new byte[64];
        var read = await stream.ReadAsync(head);
        Assert.StartsWith("HTTP/1.1 200", Encoding.Latin1.GetString(head, 0, read));

        var rows = (await Emu.GetAsync("/_emulator/counters")).Data.GetProperty("requests").EnumerateArray()
            .Select(r => $"{r.GetProperty("method").GetString()} {r.GetProperty("route").GetString()} {r.GetProperty("status").GetInt32()}");
        Assert.Contains("GET /v3/users 200", rows);
    }

    [Fact]
    public async Task Settings_can_be_read_and_changed_partially()
    {
        var s = (await Emu.GetAsync("/_emulator/settings")).AssertOk().Data;
        Assert.Equal(10000, s.GetProperty("coreRequestsPerMinute").GetInt32());
        Assert.Equal(20000, s.GetProperty("standardRequestsPerMinute").GetInt32());
        Assert.Equal(60, s.GetProperty("rateLimitWindowSeconds").GetInt32());
        Assert.Equal(100000, s.GetProperty("faultDelayMilliseconds").GetInt32());
        var changed = (await Emu.PutAsync("/_emulator/settings", new { standardRequestsPerMinute = 600, seed = 7 })).AssertOk().Data;
        Assert.Equal(600, changed.GetProperty("standardRequestsPerMinute").GetInt32());
        Assert.Equal(7, changed.GetProperty("seed").GetInt32());
        Assert.Equal(10000, changed.GetProperty("coreRequestsPerMinute").GetInt32());
        Assert.Equal("600", (await Emu.GetAsync("/v3/users")).Header("X-Rate-Limit"));
        (await Emu.PutAsync("/_emulator/settings", new { standardRequestsPerMinute = 20000, seed = 0 })).AssertOk();
    }

    [Theory]
    [InlineData("""{"failureRate":1.5}""")]
    [InlineData("""{"failureRate":"0.5"}""")]
    [InlineData("""{"coreRequestsPerMinute":-1}""")]
    [InlineData("""{"rateLimitWindowSeconds":0}""")]
    [InlineData("""{"latencyMilliseconds":1.5}""")]
    [InlineData("""{"latencyJitterMilliseconds":-3}""")]
    [InlineData("""{"faultDelayMilliseconds":null}""")]
    [InlineData("""{"bogus":1}""")]
    [InlineData("""[1]""")]
    [InlineData("""{"seed":""")]
    public async Task Settings_reject_bad_values_and_change_nothing(string body)
    {
        (await Emu.PutAsync("/_emulator/settings", body)).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
        var s = (await Emu.GetAsync("/_emulator/settings")).Data;
        Assert.Equal(0, s.GetProperty("failureRate").GetDouble());
        Assert.Equal(60, s.GetProperty("rateLimitWindowSeconds").GetInt32());
    }
}
