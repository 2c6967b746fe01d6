using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace CometChat.Emulator.Bench;

/// <summary>
/// Emulator benchmark: <c>dotnet run -c Release --project tests/CometChat.Emulator.Bench -- [--users N] [--concurrency C] [--out DIR]</c>.
/// Starts the emulator with rate limits off, then measures creates/s, gets/s, list-pages/s and the latency of
/// walking all users at perPage=1000. Prints a table and writes <c>emulator.json</c> to <c>--out</c>.
/// </summary>
public static class Program
{
    private const string ApiKey = "bench-full-access-key";

    public static async Task<int> Main(string[] args)
    {
        var users = IntOption(args, "--users", 100_000);
        var concurrency = IntOption(args, "--concurrency", 64);
        var gets = IntOption(args, "--gets", 30_000);
        var listPages = IntOption(args, "--list-pages", 2_000);
        var walks = IntOption(args, "--walks", 5);
        var outDir = StringOption(args, "--out");
        var dll = StringOption(args, "--emulator") ?? Path.Combine(AppContext.BaseDirectory, "CometChat.Emulator.dll");

        await using var emulator = await EmulatorHost.StartAsync(dll, ApiKey);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseCookies = false })
        {
            BaseAddress = new Uri(emulator.BaseAddress),
            Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Add("apikey", ApiKey);
        Console.WriteLine($"Emulator at {emulator.BaseAddress}; {users:N0} users, concurrency {concurrency}, {Environment.ProcessorCount} cores");

        // Names are shuffled against uids so the sorted view is built out of order.
        var random = new Random(12345);
        var creates = await LoadAsync(http, users, concurrency, i =>
        {
            var body = $"{{\"uid\":\"bench-{i:D7}\",\"name\":\"User {random.Next(1_000_000):D6} {i}\",\"tags\":[\"t{i % 10}\"]}}";
            return new HttpRequestMessage(HttpMethod.Post, "/v3/users") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        });
        var getRate = await LoadAsync(http, gets, concurrency, i =>
            new HttpRequestMessage(HttpMethod.Get, $"/v3/users/bench-{(i * 7919) % users:D7}"));
        var totalPages = (users + 99) / 100;
        var listRate = await LoadAsync(http, listPages, Math.Min(concurrency, 16), i =>
            new HttpRequestMessage(HttpMethod.Get, $"/v3/users?perPage=100&page={1 + (i * 31) % totalPages}"));
        var walk = await WalkAsync(http, users, walks);

        var result = new Dictionary<string, object>
        {
            ["users"] = users,
            ["concurrency"] = concurrency,
            ["cores"] = Environment.ProcessorCount,
            ["createsPerSecond"] = Math.Round(creates.PerSecond),
            ["getsPerSecond"] = Math.Round(getRate.PerSecond),
            ["listPagesPerSecond"] = Math.Round(listRate.PerSecond),
            ["listPerPage"] = 1000,
            ["pages"] = walk.Pages,
            ["firstPageMilliseconds"] = Math.Round(walk.FirstMs, 2),
            ["slowestPageMilliseconds"] = Math.Round(walk.SlowestMs, 2),
            ["slowestPage"] = walk.SlowestPage,
            ["slowestToFirstRatio"] = Math.Round(walk.SlowestMs / walk.FirstMs, 2),
            ["maxSinglePageMilliseconds"] = Math.Round(walk.MaxSingleMs, 2),
            ["errors"] = creates.Errors + getRate.Errors + listRate.Errors,
            ["goals"] = new Dictionary<string, object>
            {
                ["createsPerSecondAtLeast"] = 3300,
                ["slowestToFirstRatioAtMost"] = 3,
                ["met"] = creates.PerSecond >= 3300 && walk.SlowestMs <= 3 * walk.FirstMs,
            },
        };

        Console.WriteLine();
        Console.WriteLine($"{"metric",-40} {"value",14}");
        Console.WriteLine(new string('-', 55));
        Row("creates/s", creates.PerSecond.ToString("N0", CultureInfo.InvariantCulture));
        Row("gets/s", getRate.PerSecond.ToString("N0", CultureInfo.InvariantCulture));
        Row("list pages/s (perPage=100)", listRate.PerSecond.ToString("N0", CultureInfo.InvariantCulture));
        Row($"first page ms (perPage=1000, median of {walks})", walk.FirstMs.ToString("F2", CultureInfo.InvariantCulture));
        Row($"slowest page ms (page {walk.SlowestPage})", walk.SlowestMs.ToString("F2", CultureInfo.InvariantCulture));
        Row("slowest / first", (walk.SlowestMs / walk.FirstMs).ToString("F2", CultureInfo.InvariantCulture));
        Row("max single page ms (any walk)", walk.MaxSingleMs.ToString("F2", CultureInfo.InvariantCulture));
        Row("errors", result["errors"].ToString()!);

        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
            var path = Path.Combine(outDir, "emulator.json");
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"\nwrote {path}");
        }
        return (int)result["errors"] == 0 ? 0 : 1;
    }

    private static void Row(string name, string value) => Console.WriteLine($"{name,-40} {value,14}");

    private sealed record LoadResult(int Count, int Errors, double Seconds)
    {
        public double PerSecond => Count / Seconds;
    }

    /// <summary>Sends <paramref name="count"/> requests from <paramref name="concurrency"/> workers; expects 200s.</summary>
    private static async Task<LoadResult> LoadAsync(HttpClient http, int count, int concurrency, Func<int, HttpRequestMessage> make)
    {
        var next = -1;
        var errors = 0;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var request = make(i);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    if (Interlocked.Increment(ref errors) <= 3)
                    {
                        Console.Error.WriteLine($"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                }
            }
        }));
        await Task.WhenAll(workers);
        return new LoadResult(count, errors, watch.Elapsed.TotalSeconds);
    }

    private sealed record WalkResult(int Pages, double FirstMs, double SlowestMs, int SlowestPage, double MaxSingleMs);

    /// <summary>Walks every page at perPage=1000, <paramref name="walks"/> times; per page, the median time.</summary>
    private static async Task<WalkResult> WalkAsync(HttpClient http, int users, int walks)
    {
        var pages = (users + 999) / 1000;
        var times = new double[pages, walks];
        var maxSingle = 0.0;
        for (var w = 0; w < walks; w++)
        {
            for (var page = 1; page <= pages; page++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await http.GetAsync($"/v3/users?perPage=1000&page={page}");
                var bytes = await response.Content.ReadAsByteArrayAsync();
                var ms = watch.Elapsed.TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK || bytes.Length == 0)
                {
                    throw new InvalidOperationException($"page {page}: {(int)response.StatusCode}");
                }
                times[page - 1, w] = ms;
                maxSingle = Math.Max(maxSingle, ms);
            }
        }
        double Median(int page) => Enumerable.Range(0, walks).Select(w => times[page, w]).Order().ElementAt(walks / 2);
        var medians = Enumerable.Range(0, pages).Select(Median).ToArray();
        var slowest = Array.IndexOf(medians, medians.Max());
        return new WalkResult(pages, medians[0], medians[slowest], slowest + 1, maxSingle);
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        StringOption(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? StringOption(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
