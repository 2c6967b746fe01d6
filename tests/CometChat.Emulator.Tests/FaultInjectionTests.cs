using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CometChat.Emulator.Settings;

namespace CometChat.Emulator.Tests;

public sealed class FaultInjectionTests
{
    /// <summary>What a client saw: a status code, "dropped" or "timeout".</summary>
    private static async Task<string> OutcomeAsync(TestEmulator emu, HttpClient client, string method, string path, object? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("apikey", TestEmulator.ApiKey);
        if (body is not null)
        {
            request.Content = JsonContent(body);
        }
        try
        {
            using var response = await client.SendAsync(request);
            return ((int)response.StatusCode).ToString();
        }
        catch (TaskCanceledException)
        {
            return "timeout";
        }
        catch (HttpRequestException)
        {
            return "dropped";
        }
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private static HttpClient ClientFor(TestEmulator emu, int timeoutMs = 2000) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero })
        {
            BaseAddress = new Uri(emu.App.BaseAddress),
            Timeout = TimeSpan.FromMilliseconds(timeoutMs),
        };

    private static EmulatorSettings Faulty(int seed, double rate = 0.5) =>
        new() { FailureRate = rate, Seed = seed, FaultDelayMilliseconds = 3000 };

    [Fact]
    public async Task Same_seed_and_requests_give_the_same_faults_whatever_the_interleaving()
    {
        var sequential = await CreateAndInspectAsync(seed: 42, Enumerable.Range(0, 40), parallelism: 1);
        var concurrent = await CreateAndInspectAsync(seed: 42, Enumerable.Range(0, 40).Reverse(), parallelism: 8);
        Assert.Equal(sequential, concurrent);
        Assert.Contains(sequential.Values, v => v.StartsWith("200", StringComparison.Ordinal));
        Assert.Contains(sequential.Values, v => !v.StartsWith("200", StringComparison.Ordinal));

        var otherSeed = await CreateAndInspectAsync(seed: 43, Enumerable.Range(0, 40), parallelism: 1);
        Assert.NotEqual(sequential, otherSeed);
    }

    /// <summary>uid → "outcome/stored?" after creating 40 users with faults.</summary>
    private static async Task<SortedDictionary<string, string>> CreateAndInspectAsync(int seed, IEnumerable<int> order, int parallelism)
    {
        await using var emu = await TestEmulator.StartAsync(Faulty(seed));
        using var client = ClientFor(emu, timeoutMs: 1000);
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        await Parallel.ForEachAsync(order, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, _) =>
        {
            var uid = $"user{i:D2}";
            outcomes[uid] = await OutcomeAsync(emu, client, "POST", "/v3/users", new { uid, name = uid });
        });
        // Read the store directly: /v3 reads would themselves draw faults.
        var state = emu.App.Runtime.Store.Snapshot;
        return new SortedDictionary<string, string>(outcomes.ToDictionary(
            p => p.Key, p => $"{p.Value}/{(state.Users.ContainsKey(p.Key) ? "stored" : "absent")}"));
    }

    [Fact]
    public async Task Every_fault_kind_occurs_and_is_counted()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorSettings { FailureRate = 1, Seed = 1, FaultDelayMilliseconds = 3000 });
        using var client = ClientFor(emu, timeoutMs: 500);
        var outcomes = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            outcomes.Add(await OutcomeAsync(emu, client, "GET", $"/v3/users/u{i}", null));
        }
        Assert.Contains("500", outcomes);
        Assert.Contains("502", outcomes);
        Assert.Contains("503", outcomes);
        Assert.Contains("dropped", outcomes);
        Assert.Contains("timeout", outcomes);
        Assert.DoesNotContain("404", outcomes);

        var faults = (await emu.GetAsync("/_emulator/counters")).AssertOk().Data.GetProperty("faults");
        Assert.Equal(outcomes.Count(o => o == "500"), faults.GetProperty("status500").GetInt64());
        Assert.Equal(outcomes.Count(o => o == "502"), faults.GetProperty("status502").GetInt64());
        Assert.Equal(outcomes.Count(o => o == "503"), faults.GetProperty("status503").GetInt64());
        Assert.Equal(outcomes.Count(o => o == "dropped"), faults.GetProperty("dropped").GetInt64());
        Assert.Equal(outcomes.Count(o => o == "timeout"), faults.GetProperty("delayed").GetInt64());
        Assert.Equal(0, faults.GetProperty("afterWrite").GetInt64()); // reads never fail after a write
    }

    [Fact]
    public async Task Injected_500_uses_the_error_envelope_and_gateway_errors_are_html()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorSettings { FailureRate = 1, Seed = 3, FaultDelayMilliseconds = 3000 });
        using var client = ClientFor(emu, timeoutMs: 500);
        var seen = new HashSet<HttpStatusCode>();
        for (var i = 0; i < 40 && seen.Count < 3; i++)
        {
            ApiResponse r;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/users/x{i}");
                request.Headers.Add("apikey", TestEmulator.ApiKey);
                using var response = await client.SendAsync(request);
                r = await ApiResponse.ReadAsync(response);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                continue; // dropped or delayed
            }
            seen.Add(r.Status);
            if (r.Status == HttpStatusCode.InternalServerError)
            {
                r.AssertError(HttpStatusCode.InternalServerError, "ERR_EXCEPTION");
            }
            else
            {
                Assert.Contains("<html>", r.Text);
                Assert.Equal("text/html", r.ContentHeaders.ContentType?.MediaType);
            }
        }
        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public async Task Some_write_faults_happen_after_the_write_was_applied()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorSettings { FailureRate = 1, Seed = 5, FaultDelayMilliseconds = 3000 });
        using var client = ClientFor(emu, timeoutMs: 500);
        var failedButStored = 0;
        var failedAndAbsent = 0;
        for (var i = 0; i < 30; i++)
        {
            var uid = $"w{i}";
            var outcome = await OutcomeAsync(emu, client, "POST", "/v3/users", new { uid, name = uid });
            Assert.NotEqual("200", outcome);
            await Task.Delay(outcome == "timeout" ? 50 : 0);
            if (emu.App.Runtime.Store.Snapshot.Users.ContainsKey(uid)) failedButStored++; else failedAndAbsent++;
        }
        Assert.True(failedButStored > 0, "no write was applied before its fault");
        Assert.True(failedAndAbsent > 0, "every write was applied before its fault");
        // Once every request that reached the emulator has ended there (answered, dropped, or abandoned by the
        // client), what is stored is final: exactly the writes whose fault came after them. A request the client gave
        // up on before it arrived (possible on a loaded machine) was never faulted nor stored.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement counters;
        while ((counters = (await emu.GetAsync("/_emulator/counters")).Data).GetProperty("inFlight").GetInt64() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "requests were still in flight at the emulator after 30 s");
            await Task.Delay(20);
        }
        var stored = Enumerable.Range(0, 30).Count(i => emu.App.Runtime.Store.Snapshot.Users.ContainsKey($"w{i}"));
        Assert.Equal(counters.GetProperty("faults").GetProperty("afterWrite").GetInt64(), stored);
        Assert.True(stored >= failedButStored);
    }

    [Fact]
    public async Task Counters_show_the_requests_still_in_flight()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorSettings { LatencyMilliseconds = 1500 });
        long InFlight(JsonElement counters) => counters.GetProperty("inFlight").GetInt64();
        Assert.Equal(0, InFlight((await emu.GetAsync("/_emulator/counters")).Data));
        var slow = emu.GetAsync("/v3/users");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (InFlight((await emu.GetAsync("/_emulator/counters")).Data) != 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "the slow request never showed as in flight");
            await Task.Delay(10);
        }
        (await slow).AssertOk();
        // The answer can reach the client a moment before the emulator has ended the request.
        while (InFlight((await emu.GetAsync("/_emulator/counters")).Data) != 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the finished request still showed as in flight");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Counters_show_the_most_requests_in_flight_at_once_since_they_were_zeroed()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorSettings { LatencyMilliseconds = 300 });
        long Peak(JsonElement counters) => counters.GetProperty("peakInFlight").GetInt64();
        Assert.Equal(0, Peak((await emu.GetAsync("/_emulator/counters")).Data));
        // Five at once, then one after the other: the peak is the five, not the six requests in all.
        var together = Enumerable.Range(0, 5).Select(_ => emu.GetAsync("/v3/users")).ToArray();
        foreach (var answer in await Task.WhenAll(together))
        {
            answer.AssertOk();
        }
        (await emu.GetAsync("/v3/users")).AssertOk();
        Assert.Equal(5, Peak((await emu.GetAsync("/_emulator/counters")).Data));
        (await emu.DeleteAsync("/_emulator/counters")).AssertOk();
        Assert.Equal(0, Peak((await emu.GetAsync("/_emulator/counters")).Data));
    }

    [Fact]
    public async Task Admin_surface_is_exempt_from_faults_and_latency()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorSettings { FailureRate = 1, LatencyMilliseconds = 5000 });
        for (var i = 0; i < 10; i++)
        {
            (await emu.GetAsync("/_emulator/health")).AssertOk();
            (await emu.GetAsync("/_emulator/counters")).AssertOk();
        }
    }

    [Fact]
    public async Task Latency_delays_v3_requests()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorSettings { LatencyMilliseconds = 300, LatencyJitterMilliseconds = 50 });
        var watch = Stopwatch.StartNew();
        (await emu.GetAsync("/v3/users")).AssertOk();
        Assert.True(watch.ElapsedMilliseconds >= 280, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Zero_failure_rate_injects_nothing()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorSettings { FailureRate = 0, Seed = 9 });
        for (var i = 0; i < 50; i++)
        {
            (await emu.GetAsync("/v3/users")).AssertOk();
        }
        var faults = (await emu.GetAsync("/_emulator/counters")).Data.GetProperty("faults");
        Assert.All(faults.EnumerateObject(), f => Assert.Equal(0, f.Value.GetInt64()));
    }
}
