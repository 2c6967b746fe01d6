using System.Diagnostics;

namespace CometChat.Emulator.Tests;

/// <summary>The emulator as a separate process (<c>dotnet CometChat.Emulator.dll</c>), as the module runs it.</summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];

    private EmulatorProcess(Process process) => Process = process;

    public Process Process { get; }

    public string BaseAddress { get; private set; } = "";

    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "CometChat.Emulator.dll");

    /// <summary>Lines printed so far.</summary>
    public IReadOnlyList<string> Stdout { get { lock (_stdout) return [.. _stdout]; } }

    public IReadOnlyList<string> Stderr { get { lock (_stderr) return [.. _stderr]; } }

    /// <summary>Starts the process (no wait for the listening line).</summary>
    public static EmulatorProcess Launch(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("COMETCHAT_EMULATOR_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var result = new EmulatorProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (result._stdout) result._stdout.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (result._stderr) result._stderr.Add(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>Starts the process and waits for its <c>Listening on</c> line.</summary>
    public static async Task<EmulatorProcess> StartAsync(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var p = Launch(args, environment);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var line = p.Stdout.FirstOrDefault();
            if (line is not null)
            {
                Assert.StartsWith("Listening on http://", line);
                p.BaseAddress = line["Listening on ".Length..];
                return p;
            }
            if (p.Process.HasExited)
            {
                throw new InvalidOperationException($"emulator exited with {p.Process.ExitCode}: {string.Join('\n', p.Stderr)}");
            }
            await Task.Delay(20);
        }
        p.Process.Kill();
        throw new TimeoutException("no 'Listening on' line");
    }

    /// <summary>Waits (up to 60 s) until at least <paramref name="count"/> lines are on stdout; returns the lines so far.</summary>
    public async Task<IReadOnlyList<string>> WaitForStdoutLinesAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Stdout.Count < count)
        {
            if (DateTime.UtcNow > deadline || Process.HasExited)
            {
                throw new TimeoutException($"expected {count} lines on stdout, got: {string.Join(" | ", Stdout)}");
            }
            await Task.Delay(20);
        }
        return Stdout;
    }

    /// <summary>Sends SIGTERM (graceful stop).</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", Process.Id.ToString()]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for exit and returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(int seconds = 30)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await Process.WaitForExitAsync(cts.Token);
        Process.WaitForExit(); // flushes the redirected streams
        return Process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }
        Process.Dispose();
    }
}
