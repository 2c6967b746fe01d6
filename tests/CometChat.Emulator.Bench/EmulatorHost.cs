using System.Diagnostics;

namespace CometChat.Emulator.Bench;

/// <summary>Runs the emulator as its own process, as users and the module do.</summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    private readonly Process _process;

    private EmulatorHost(Process process, string baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public string BaseAddress { get; }

    public static async Task<EmulatorHost> StartAsync(string dll, string apiKey)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = false, UseShellExecute = false };
        foreach (var arg in new[]
        {
            dll, "--port", "0", "--api-key", apiKey, "--auth-only-key", apiKey + "-auth",
            "--core-requests-per-minute", "0", "--standard-requests-per-minute", "0",
        })
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start the emulator");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (line is null || !line.StartsWith("Listening on ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"unexpected first line: {line}");
        }
        return new EmulatorHost(process, line["Listening on ".Length..]);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
            await kill.WaitForExitAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }
        _process.Dispose();
    }
}
