using System.Net;
using CometChat.Emulator.RateLimiting;
using CometChat.Emulator.Settings;
using Microsoft.Extensions.Time.Testing;

namespace CometChat.Emulator.Tests;

public sealed class RateLimitTests : IAsyncLifetime
{
    // 2026-01-01T00:00:00Z is a whole minute, so windows of 60 s start on it.
    private static readonly DateTimeOffset WindowStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(WindowStart.AddSeconds(15.5));
    private TestEmulator _emu = null!;

    public async Task InitializeAsync() =>
        _emu = await TestEmulator.StartAsync(new EmulatorSettings { CoreRequestsPerMinute = 2, StandardRequestsPerMinute = 3 }, _time);

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    [Theory]
    [InlineData(10_000, 60, 10_000)]
    [InlineData(20_000, 1, 333)]
    [InlineData(10_000, 10, 1_667)]
    [InlineData(1, 1, 1)]
    [InlineData(90, 1, 2)]
    [InlineData(0, 60, 0)]
    public void Budget_is_per_minute_limit_times_window_over_60_rounded_and_at_least_1(int perMinute, int window, int budget) =>
        Assert.Equal(budget, RateLimiter.BudgetOf(perMinute, window));

    [Fact]
    public async Task Standard_bucket_counts_down_then_answers_429_until_the_window_ends()
    {
        var remaining = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var ok = (await _emu.GetAsync("/v3/users")).AssertOk();
            Assert.Equal("3", ok.Header("X-Rate-Limit"));
            remaining.Add(ok.Header("X-Rate-Limit-Remaining"));
        }
        Assert.Equal(["2", "1", "0"], remaining);

        var limited = (await _emu.GetAsync("/v3/roles")).AssertError(HttpStatusCode.TooManyRequests, "ERR_TOO_MANY_REQUESTS");
        Assert.Equal("45", limited.Header("Retry-After")); // 44.5 s left, rounded up
        Assert.Equal(WindowStart.AddSeconds(60).ToUnixTimeSeconds().ToString(), limited.Header("X-Rate-Limit-Reset"));
        Assert.Equal("3", limited.Header("X-Rate-Limit"));
        Assert.Equal("0", limited.Header("X-Rate-Limit-Remaining"));

        _time.SetUtcNow(WindowStart.AddSeconds(59.9));
        Assert.Equal("1", (await _emu.GetAsync("/v3/users")).Header("Retry-After"));

        _time.SetUtcNow(WindowStart.AddSeconds(60));
        var fresh = (await _emu.GetAsync("/v3/users")).AssertOk();
        Assert.Equal("2", fresh.Header("X-Rate-Limit-Remaining"));
    }

    [Fact]
    public async Task Core_operations_share_their_own_bucket()
    {
        (await _emu.PostAsync("/v3/users", new { uid = "a", name = "A" })).AssertOk();
        var token = (await _emu.PostAsync("/v3/users/a/auth_tokens", new { })).AssertOk();
        Assert.Equal("2", token.Header("X-Rate-Limit"));
        Assert.Equal("0", token.Header("X-Rate-Limit-Remaining"));
        (await _emu.DeleteAsync("/v3/users", new { uidsToDeactivate = new[] { "a" } })).AssertError(HttpStatusCode.TooManyRequests, "ERR_TOO_MANY_REQUESTS");
        (await _emu.DeleteAsync("/v3/users/a")).AssertError(HttpStatusCode.TooManyRequests, "ERR_TOO_MANY_REQUESTS");
        (await _emu.PostAsync("/v3/users", new { uid = "b", name = "B" })).AssertError(HttpStatusCode.TooManyRequests, "ERR_TOO_MANY_REQUESTS");

        // Standard operations are unaffected, and a rejected create changed nothing.
        var list = (await _emu.GetAsync("/v3/users")).AssertOk();
        Assert.Equal("3", list.Header("X-Rate-Limit"));
        Assert.Equal(1, list.Data.GetArrayLength());
        (await _emu.PutAsync("/v3/users", new { uidsToActivate = new[] { "a" } })).AssertOk();
    }

    [Fact]
    public async Task Window_length_scales_the_budget()
    {
        (await _emu.PutAsync("/_emulator/settings", new { standardRequestsPerMinute = 60, rateLimitWindowSeconds = 10 })).AssertOk();
        var r = await _emu.GetAsync("/v3/users");
        Assert.Equal("10", r.Header("X-Rate-Limit"));
        Assert.Equal("9", r.Header("X-Rate-Limit-Remaining"));
        for (var i = 0; i < 9; i++)
        {
            (await _emu.GetAsync("/v3/users")).AssertOk();
        }
        var limited = (await _emu.GetAsync("/v3/users")).AssertError(HttpStatusCode.TooManyRequests, "ERR_TOO_MANY_REQUESTS");
        Assert.Equal("5", limited.Header("Retry-After")); // 15.5 s is 5.5 s into a 10 s window
        Assert.Equal(WindowStart.AddSeconds(20).ToUnixTimeSeconds().ToString(), limited.Header("X-Rate-Limit-Reset"));
    }

    [Fact]
    public async Task Zero_means_no_limit_and_no_headers()
    {
        (await _emu.PutAsync("/_emulator/settings", new { standardRequestsPerMinute = 0 })).AssertOk();
        for (var i = 0; i < 10; i++)
        {
            var r = (await _emu.GetAsync("/v3/users")).AssertOk();
            Assert.Null(r.Header("X-Rate-Limit"));
        }
    }

    [Fact]
    public async Task Reset_and_settings_changes_restart_the_windows()
    {
        for (var i = 0; i < 3; i++)
        {
            await _emu.GetAsync("/v3/users");
        }
        (await _emu.GetAsync("/v3/users")).AssertError(HttpStatusCode.TooManyRequests, "ERR_TOO_MANY_REQUESTS");
        await _emu.ResetAsync();
        Assert.Equal("2", (await _emu.GetAsync("/v3/users")).AssertOk().Header("X-Rate-Limit-Remaining"));
        (await _emu.PutAsync("/_emulator/settings", new { standardRequestsPerMinute = 4 })).AssertOk();
        Assert.Equal("3", (await _emu.GetAsync("/v3/users")).AssertOk().Header("X-Rate-Limit-Remaining"));
    }

    [Fact]
    public async Task Admin_surface_is_not_rate_limited()
    {
        for (var i = 0; i < 10; i++)
        {
            (await _emu.GetAsync("/_emulator/settings")).AssertOk();
        }
        Assert.Equal("2", (await _emu.GetAsync("/v3/users")).Header("X-Rate-Limit-Remaining"));
    }
}
