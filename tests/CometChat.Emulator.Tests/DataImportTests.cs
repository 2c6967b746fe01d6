using System.Net;
using CometChat.Emulator.Settings;
using Microsoft.Extensions.Time.Testing;

namespace CometChat.Emulator.Tests;

public sealed class DataImportTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Fact]
    public async Task Import_keeps_timestamps_and_returns_a_result_per_uid()
    {
        var r = (await Emu.PostAsync("/v3/data_import/users", """
            {"users": {"uid1": {"uid": "uid1", "name": "uid1", "avatar": "https://data-eu.cometchat.io/assets/images/avatars/ironman.png",
                                "createdAt": "1673421419", "metadata": {"key": "value"}, "lastActiveAt": 1673421425, "tags": ["a"]},
                       "gone": {"uid": "gone", "name": "Gone", "deactivatedAt": 1700000000}}}
            """)).AssertOk().Data;
        var uid1 = r.GetProperty("uid1");
        Assert.True(uid1.GetProperty("success").GetBoolean());
        var user = uid1.GetProperty("data");
        Assert.Equal(1673421419, user.GetProperty("createdAt").GetInt64());
        Assert.Equal(1673421425, user.GetProperty("lastActiveAt").GetInt64());
        Assert.Equal("value", user.GetProperty("metadata").GetProperty("key").GetString());
        Assert.Equal("default", user.GetProperty("role").GetString());
        Assert.Equal(user.GetRawText(), (await Emu.GetAsync("/v3/users/uid1")).Data.GetRawText());

        (await Emu.GetAsync("/v3/users/gone")).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
        var deactivated = (await Emu.GetAsync("/v3/users?onlyDeactivated=true")).Data[0];
        Assert.Equal(1700000000, deactivated.GetProperty("deactivatedAt").GetInt64());
    }

    [Fact]
    public async Task Each_user_fails_on_its_own()
    {
        await Emu.CreateUserAsync("taken");
        var r = (await Emu.PostAsync("/v3/data_import/users", """
            {"users": {"taken": {"uid": "taken", "name": "T"},
                       "norole": {"uid": "norole", "name": "N", "role": "ghost"},
                       "mismatch": {"uid": "other", "name": "M"},
                       "bad": {"uid": "bad", "name": "", "createdAt": "yesterday"},
                       "ok": {"uid": "ok", "name": "OK"}}}
            """)).AssertOk().Data;
        Assert.Equal("ERR_UID_ALREADY_EXISTS", r.GetProperty("taken").GetProperty("code").GetString());
        Assert.Equal("ERR_ROLE_NOT_FOUND", r.GetProperty("norole").GetProperty("code").GetString());
        Assert.Equal("ERR_BAD_REQUEST", r.GetProperty("mismatch").GetProperty("code").GetString());
        var bad = r.GetProperty("bad").GetProperty("details");
        Assert.True(bad.TryGetProperty("name", out _));
        Assert.True(bad.TryGetProperty("createdAt", out _));
        Assert.True(r.GetProperty("ok").GetProperty("success").GetBoolean());
        (await Emu.GetAsync("/v3/users/ok")).AssertOk();
        (await Emu.GetAsync("/v3/users/norole")).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"users": []}""")]
    [InlineData("""{"users": [{"uid": "a", "name": "A"}]}""")]
    [InlineData("""{"users": {"a": "A"}}""")]
    public async Task A_malformed_users_value_gives_ERR_IMPORT_INVALID_USER_FORMAT(string body)
    {
        var r = (await Emu.PostAsync("/v3/data_import/users", body)).AssertError(HttpStatusCode.BadRequest, "ERR_IMPORT_INVALID_USER_FORMAT");
        Assert.Equal("value for users property should be an array of user objects", r.Error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task At_most_50_users_per_request()
    {
        var users = string.Join(",", Enumerable.Range(0, 51).Select(i => $"\"u{i}\":{{\"uid\":\"u{i}\",\"name\":\"n\"}}"));
        var r = (await Emu.PostAsync("/v3/data_import/users", $"{{\"users\":{{{users}}}}}")).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
        Assert.Equal(["The users may not have more than 50 items."], r.Details("users"));
        (await Emu.PostAsync("/v3/data_import/users", """{"users": {}}""")).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
    }

    [Fact]
    public async Task Import_has_its_own_limit_of_60_per_minute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 30, TimeSpan.Zero));
        await using var emu = await TestEmulator.StartAsync(new EmulatorSettings(), time);
        for (var i = 0; i < 60; i++)
        {
            (await emu.PostAsync("/v3/data_import/users", new { users = new Dictionary<string, object> { [$"i{i}"] = new { uid = $"i{i}", name = "n" } } })).AssertOk();
        }
        var limited = (await emu.PostAsync("/v3/data_import/users", """{"users": {"x": {"uid": "x", "name": "n"}}}"""))
            .AssertError(HttpStatusCode.TooManyRequests, "ERR_TOO_MANY_REQUESTS");
        Assert.Equal("30", limited.Header("Retry-After"));
        Assert.Equal("60", limited.Header("X-Rate-Limit"));
        Assert.StartsWith("Too many requests for data import API. 60 per minute", limited.Error.GetProperty("message").GetString());
        (await emu.GetAsync("/v3/users/x")).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
        time.Advance(TimeSpan.FromSeconds(30));
        (await emu.PostAsync("/v3/data_import/users", """{"users": {"x": {"uid": "x", "name": "n"}}}""")).AssertOk();
    }
}
