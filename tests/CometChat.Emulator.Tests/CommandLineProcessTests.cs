using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace CometChat.Emulator.Tests;

/// <summary>The command-line interface the module depends on, exercised on the real executable.</summary>
public sealed class CommandLineProcessTests
{
    private static async Task<ApiResponse> SendAsync(string baseAddress, string method, string path, string key, object? body = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("apikey", key);
        if (body is not null)
        {
            request.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
        }
        using var response = await http.SendAsync(request);
        return await ApiResponse.ReadAsync(response);
    }

    private static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cc-emu-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public async Task Prints_the_listening_line_then_only_generated_keys_and_stops_on_SIGTERM_deleting_its_temporary_database()
    {
        var tmp = TempDirectory();
        await using var p = await EmulatorProcess.StartAsync(["--port", "0"], new Dictionary<string, string> { ["TMPDIR"] = tmp });
        Assert.Matches(new Regex(@"^Listening on http://127\.0\.0\.1:\d+$"), p.Stdout[0]);
        // The keys follow the listening line; that nothing else does is checked once the process has exited.
        var lines = await p.WaitForStdoutLinesAsync(3);
        var full = Regex.Match(lines[1], "^fullAccess key: ([0-9a-f]{40})$");
        var authOnly = Regex.Match(lines[2], "^authOnly key: ([0-9a-f]{40})$");
        Assert.True(full.Success, lines[1]);
        Assert.True(authOnly.Success, lines[2]);
        (await SendAsync(p.BaseAddress, "POST", "/v3/users", full.Groups[1].Value, new { uid = "a", name = "A" })).AssertOk();
        Assert.NotEmpty(Directory.GetFiles(tmp, "cometchat-emulator-*"));

        p.Terminate();
        Assert.Equal(0, await p.WaitForExitAsync());
        Assert.Empty(Directory.GetFiles(tmp));
        Assert.Equal(3, p.Stdout.Count); // nothing else on stdout, even on shutdown
        Directory.Delete(tmp);
    }

    [Fact]
    public async Task Keys_given_are_never_echoed_and_environment_variables_are_read_with_the_command_line_winning()
    {
        var env = new Dictionary<string, string>
        {
            ["COMETCHAT_EMULATOR_API_KEY"] = "env-full-key",
            ["COMETCHAT_EMULATOR_AUTH_ONLY_KEY"] = "env-auth-key",
            ["COMETCHAT_EMULATOR_STANDARD_REQUESTS_PER_MINUTE"] = "1234",
        };
        await using var p = await EmulatorProcess.StartAsync(["--api-key", "cli-full-key", "--port", "0"], env);
        var ok = (await SendAsync(p.BaseAddress, "GET", "/v3/users", "cli-full-key")).AssertOk();
        Assert.Equal("1234", ok.Header("X-Rate-Limit"));
        (await SendAsync(p.BaseAddress, "GET", "/v3/users", "env-full-key")).AssertError(HttpStatusCode.Unauthorized, "AUTH_ERR_APIKEY_NOT_FOUND");
        (await SendAsync(p.BaseAddress, "POST", "/v3/users", "env-auth-key", new { uid = "a", name = "A" })).AssertOk();

        (await SendAsync(p.BaseAddress, "POST", "/_emulator/shutdown", "cli-full-key")).AssertOk();
        Assert.Equal(0, await p.WaitForExitAsync());
        // After the exit every line is in: the listening line alone, and no key anywhere (the auth-only key came
        // from the environment, the full-access key from the command line: neither was generated).
        Assert.Single(p.Stdout);
        Assert.DoesNotContain(p.Stdout.Concat(p.Stderr), l => l.Contains("key", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Help_prints_usage_and_exits_0()
    {
        await using var p = EmulatorProcess.Launch(["--help"]);
        Assert.Equal(0, await p.WaitForExitAsync());
        var text = string.Join('\n', p.Stdout);
        foreach (var option in new[]
        {
            "--port", "--host", "--data-path", "--api-key", "--auth-only-key", "--core-requests-per-minute",
            "--standard-requests-per-minute", "--rate-limit-window-seconds", "--latency-ms", "--latency-jitter-ms",
            "--failure-rate", "--seed", "--fault-delay-ms", "--help", "COMETCHAT_EMULATOR_",
        })
        {
            Assert.Contains(option, text);
        }
    }

    [Theory]
    [InlineData("--port", "abc")]
    [InlineData("--port", "70000")]
    [InlineData("--failure-rate", "2")]
    [InlineData("--failure-rate", "NaN")]
    [InlineData("--rate-limit-window-seconds", "0")]
    [InlineData("--host", "not-an-address")]
    [InlineData("--bogus", "1")]
    [InlineData("positional")]
    [InlineData("--seed")]
    [InlineData("--api-key", "same", "--auth-only-key", "same")]
    [InlineData("--sample-data", "heroes")]
    [InlineData("--mask-rejected-keys", "maybe")]
    public async Task Invalid_options_exit_2_with_a_message_on_stderr(params string[] args)
    {
        await using var p = EmulatorProcess.Launch(args);
        Assert.Equal(2, await p.WaitForExitAsync());
        Assert.Empty(p.Stdout);
        Assert.Contains(p.Stderr, l => l.StartsWith("error: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_environment_variable_exits_2()
    {
        await using var p = EmulatorProcess.Launch([], new Dictionary<string, string> { ["COMETCHAT_EMULATOR_PORT"] = "x" });
        Assert.Equal(2, await p.WaitForExitAsync());
        Assert.Contains(p.Stderr, l => l.Contains("COMETCHAT_EMULATOR_PORT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_port_in_use_exits_2()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var p = EmulatorProcess.Launch(["--port", port.ToString(), "--api-key", "k"]);
        Assert.Equal(2, await p.WaitForExitAsync());
        Assert.Contains(p.Stderr, l => l.StartsWith("error: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Data_path_keeps_data_across_a_graceful_restart()
    {
        var tmp = TempDirectory();
        var data = Path.Combine(tmp, "sub", "emulator.db");
        string[] args = ["--data-path", data, "--api-key", "k", "--auth-only-key", "a"];
        await using (var first = await EmulatorProcess.StartAsync(args))
        {
            (await SendAsync(first.BaseAddress, "POST", "/v3/users", "k", new { uid = "kept", name = "Kept", tags = new[] { "t" } })).AssertOk();
            (await SendAsync(first.BaseAddress, "POST", "/v3/roles", "k", new { role = "r", name = "R" })).AssertOk();
            (await SendAsync(first.BaseAddress, "POST", "/v3/users", "k", new { uid = "pal", name = "Pal" })).AssertOk();
            (await SendAsync(first.BaseAddress, "POST", "/v3/users/kept/friends", "k", new { accepted = new[] { "pal" } })).AssertOk();
            (await SendAsync(first.BaseAddress, "POST", "/v3/users/kept/blockedusers", "k", new { blockedUids = new[] { "pal" } })).AssertOk();
            (await SendAsync(first.BaseAddress, "POST", "/v3/users/kept/auth_tokens", "k", new { })).AssertOk();
            first.Terminate();
            Assert.Equal(0, await first.WaitForExitAsync());
        }
        Assert.True(File.Exists(data));
        await using (var second = await EmulatorProcess.StartAsync(args))
        {
            var u = (await SendAsync(second.BaseAddress, "GET", "/v3/users/kept", "k")).AssertOk().Data;
            Assert.Equal("t", u.GetProperty("tags")[0].GetString());
            (await SendAsync(second.BaseAddress, "GET", "/v3/roles/r", "k")).AssertOk();
            Assert.Equal(1, (await SendAsync(second.BaseAddress, "GET", "/v3/users/pal/friends", "k")).AssertOk().Data.GetArrayLength());
            Assert.Equal(1, (await SendAsync(second.BaseAddress, "GET", "/v3/users/kept/blockedusers", "k")).AssertOk().Data.GetArrayLength());
            Assert.Equal(1, (await SendAsync(second.BaseAddress, "GET", "/v3/users/kept/auth_tokens", "k")).AssertOk().Data.GetArrayLength());
            second.Terminate();
            Assert.Equal(0, await second.WaitForExitAsync());
        }
        Assert.True(File.Exists(data));
        Directory.Delete(tmp, recursive: true);
    }

    [Fact]
    public async Task A_data_file_in_use_or_not_a_database_exits_2()
    {
        var tmp = TempDirectory();
        var data = Path.Combine(tmp, "shared.db");
        await using (var first = await EmulatorProcess.StartAsync(["--data-path", data, "--api-key", "k"]))
        {
            await using var second = EmulatorProcess.Launch(["--data-path", data, "--api-key", "k"]);
            Assert.Equal(2, await second.WaitForExitAsync());
            Assert.Contains(second.Stderr, l => l.Contains("in use by another emulator", StringComparison.Ordinal));
            (await SendAsync(first.BaseAddress, "POST", "/v3/users", "k", new { uid = "still", name = "Works" })).AssertOk();
        }
        var garbage = Path.Combine(tmp, "garbage.db");
        await File.WriteAllTextAsync(garbage, new string('x', 5000));
        await using (var bad = EmulatorProcess.Launch(["--data-path", garbage, "--api-key", "k"]))
        {
            Assert.Equal(2, await bad.WaitForExitAsync());
            Assert.Contains(bad.Stderr, l => l.StartsWith("error: cannot open the data file", StringComparison.Ordinal));
        }
        Directory.Delete(tmp, recursive: true);
    }
}
