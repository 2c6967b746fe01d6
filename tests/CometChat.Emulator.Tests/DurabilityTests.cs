using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace CometChat.Emulator.Tests;

/// <summary>Every write answered 200 survives the emulator being killed (SIGKILL) and restarted on the same data path.</summary>
public sealed class DurabilityTests
{
    private const string Key = "durable-key";

    [Fact]
    public async Task Creates_answered_200_survive_a_kill_mid_burst()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cc-emu-kill-" + Guid.NewGuid().ToString("N"));
        var data = Path.Combine(dir, "emulator.db");
        string[] args = ["--data-path", data, "--api-key", Key, "--auth-only-key", "other", "--core-requests-per-minute", "0", "--standard-requests-per-minute", "0"];
        var acknowledged = new ConcurrentBag<string>();
        var attempted = new ConcurrentBag<string>();

        await using (var emulator = await EmulatorProcess.StartAsync(args))
        {
            using var http = new HttpClient { BaseAddress = new Uri(emulator.BaseAddress), Timeout = TimeSpan.FromSeconds(10) };
            using var stop = new CancellationTokenSource();
            var next = -1;
            var workers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var uid = $"kill-{Interlocked.Increment(ref next):D6}";
                    if (next > 200_000) return;
                    attempted.Add(uid);
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/users");
                        request.Headers.Add("apikey", Key);
                        request.Content = new StringContent($"{{\"uid\":\"{uid}\",\"name\":\"Name {uid}\",\"tags\":[\"t\"]}}", Encoding.UTF8, "application/json");
                        using var response = await http.SendAsync(request);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged.Add(uid);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return; // the emulator is gone
                    }
                }
            })).ToArray();

            // Kill once a good number of creates were acknowledged, while requests are still in flight.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < 1500 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }
            emulator.Process.Kill(); // SIGKILL: no shutdown code runs
            await emulator.Process.WaitForExitAsync();
            stop.Cancel();
            await Task.WhenAll(workers);
        }
        Assert.True(acknowledged.Count >= 1500, $"only {acknowledged.Count} creates before the deadline");
        Assert.True(attempted.Count > acknowledged.Count, "the kill did not land mid-burst");

        await using (var restarted = await EmulatorProcess.StartAsync(args))
        {
            using var http = new HttpClient { BaseAddress = new Uri(restarted.BaseAddress) };
            http.DefaultRequestHeaders.Add("apikey", Key);
            var stored = new List<string>();
            for (var page = 1; ; page++)
            {
                var r = await ApiResponse.ReadAsync(await http.GetAsync($"/v3/users?perPage=1000&page={page}&withDeactivated=true&withTags=true"));
                r.AssertOk();
                foreach (var user in r.Data.EnumerateArray())
                {
                    var uid = user.GetProperty("uid").GetString()!;
                    stored.Add(uid);
                    Assert.Equal($"Name {uid}", user.GetProperty("name").GetString());
                    Assert.Equal("t", user.GetProperty("tags")[0].GetString());
                }
                if (r.Data.GetArrayLength() < 1000) break;
            }
            Assert.Equal(stored.Count, stored.Distinct().Count());
            Assert.Empty(acknowledged.Except(stored));
            Assert.Empty(stored.Except(attempted));

            // The restarted emulator still takes writes on the same file.
            var again = await http.PostAsync("/v3/users", new StringContent("{\"uid\":\"after\",\"name\":\"After\"}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            restarted.Terminate();
            Assert.Equal(0, await restarted.WaitForExitAsync());
        }
        Directory.Delete(dir, recursive: true);
    }
}
