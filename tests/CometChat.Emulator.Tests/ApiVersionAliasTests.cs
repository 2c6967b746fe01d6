using System.Net;
using System.Text.Json;
using CometChat.Emulator.Hosting;
using CometChat.Emulator.Http;
using CometChat.Emulator.Settings;
using Microsoft.Extensions.Time.Testing;

namespace CometChat.Emulator.Tests;

/// <summary><c>/v3.0</c> is served exactly like <c>/v3</c>: same operations, rate budgets, faults and counters.</summary>
public sealed class ApiVersionAliasTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    /// <summary>Every operation the emulator serves, as (method, template) pairs.</summary>
    public static TheoryData<string, string> Operations()
    {
        var data = new TheoryData<string, string>();
        var app = EmulatorApp.Create(new EmulatorOptions());
        try
        {
            foreach (var operation in app.Operations)
            {
                data.Add(operation.Method, operation.Template);
            }
        }
        finally
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return data;
    }

    /// <summary>Users u and v, a token of u and a role r; returns the path of the template filled in.</summary>
    private async Task<string> ArrangeAsync(string template)
    {
        await Emu.ResetAsync();
        await Emu.CreateUserAsync("u");
        await Emu.CreateUserAsync("v");
        (await Emu.PostAsync("/v3/roles", new { role = "r", name = "R" })).AssertOk();
        var token = (await Emu.PostAsync("/v3/users/u/auth_tokens", new { })).AssertOk().Data.GetProperty("authToken").GetString()!;
        (await Emu.SendAsync("DELETE", "/_emulator/counters")).AssertOk();
        return template.Replace("{uid}", "u").Replace("{authToken}", token).Replace("{role}", "r");
    }

    private async Task<(HttpStatusCode Status, string? Code)> CallAsync(string method, string path)
    {
        var body = method is "GET" ? null : """{"blockedUids":["v"],"accepted":["v"],"friends":["v"],"uidsToActivate":["v"],"uidsToDeactivate":["v"]}""";
        var r = await Emu.SendAsync(method, path, body);
        return (r.Status, r.ErrorCode);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_operation_answers_under_v3_0_as_under_v3_and_is_counted_under_its_v3_route(string method, string template)
    {
        var v3 = await CallAsync(method, await ArrangeAsync(template));
        var aliasPath = "/v3.0" + (await ArrangeAsync(template))["/v3".Length..];
        var alias = await CallAsync(method, aliasPath);

        Assert.NotEqual("ERR_API_NOT_FOUND", alias.Code);
        Assert.Equal(v3, alias);
        var rows = (await Emu.GetAsync("/_emulator/counters")).Data.GetProperty("requests").EnumerateArray().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(method, row.GetProperty("method").GetString());
        Assert.Equal(template, row.GetProperty("route").GetString());
    }

    [Theory]
    [InlineData("/V3.0/Users")]
    [InlineData("/v3.0/users/")]
    public async Task The_prefix_matches_as_v3_does_in_any_case_and_with_a_trailing_slash(string path) =>
        (await Emu.GetAsync(path)).AssertOk();

    [Theory]
    [InlineData("/v3.0/nope")]
    [InlineData("/v3.00/users")]
    [InlineData("/v3.1/users")]
    [InlineData("/v3.0users")]
    public async Task Other_paths_stay_unknown(string path) =>
        (await Emu.GetAsync(path)).AssertError(HttpStatusCode.NotFound, "ERR_API_NOT_FOUND");

    [Fact]
    public async Task Both_prefixes_draw_on_one_rate_budget()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 15, TimeSpan.Zero));
        await using var emu = await TestEmulator.StartAsync(new EmulatorSettings { StandardRequestsPerMinute = 4 }, time);
        var remaining = new List<string?>();
        foreach (var prefix in new[] { "/v3", "/v3.0", "/v3", "/v3.0" })
        {
            remaining.Add((await emu.GetAsync(prefix + "/users")).AssertOk().Header("X-Rate-Limit-Remaining"));
        }
        Assert.Equal(["3", "2", "1", "0"], remaining);
        (await emu.GetAsync("/v3.0/users")).AssertError(HttpStatusCode.TooManyRequests, "ERR_TOO_MANY_REQUESTS");
        (await emu.GetAsync("/v3/users")).AssertError(HttpStatusCode.TooManyRequests, "ERR_TOO_MANY_REQUESTS");
    }

    [Fact]
    public async Task Both_prefixes_share_one_fault_sequence()
    {
        var onlyV3 = await OutcomesAsync(i => "/v3");
        var mixed = await OutcomesAsync(i => i % 2 == 0 ? "/v3.0" : "/v3");
        Assert.Equal(onlyV3, mixed);
        Assert.Contains("404", onlyV3);
        Assert.Contains(onlyV3, o => o != "404");
    }

    /// <summary>What 30 identical reads of an unknown user get on a faulty emulator, with the prefix chosen per request.</summary>
    private static async Task<List<string>> OutcomesAsync(Func<int, string> prefix)
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorSettings { FailureRate = 0.5, Seed = 7, FaultDelayMilliseconds = 0 });
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero })
        {
            BaseAddress = new Uri(emu.App.BaseAddress),
        };
        client.DefaultRequestHeaders.Add("apikey", TestEmulator.ApiKey);
        var outcomes = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            try
            {
                using var response = await client.GetAsync(prefix(i) + "/users/nobody");
                outcomes.Add(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (HttpRequestException)
            {
                outcomes.Add("dropped");
            }
        }
        return outcomes;
    }
}
