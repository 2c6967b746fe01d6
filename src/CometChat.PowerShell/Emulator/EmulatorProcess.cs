using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using CometChat.Client.Secrets;

namespace CometChat.PowerShell.Emulator;

/// <summary>Starts and stops the emulator bundled in the module's <c>emulator/</c> folder.</summary>
internal sealed class EmulatorProcess
{
    private const string ListeningPrefix = "Listening on ";
    private static readonly object Gate = new();
    private static readonly List<EmulatorProcess> Started = new();

    static EmulatorProcess()
    {
        // Don't leave emulators behind when PowerShell exits.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
    }

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private EmulatorProcess(Process process, SecureString apiKey)
    {
        _process = process;
        _apiKey = apiKey;
    }

    private readonly SecureString _apiKey;

    public int ProcessId => _process.Id;

    public Uri? BaseUri { get; private set; }

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once exited, as text ("?" when the system can't tell).</summary>
    public string ExitCodeText => SafeExitCode(_process);

    public static string EmulatorAssembly => Path.Combine(
        Path.GetDirectoryName(typeof(EmulatorProcess).Assembly.Location) ?? ".", "emulator", "CometChat.Emulator.dll");

    /// <summary>Starts the emulator with <paramref name="arguments"/>; completes once it listens.</summary>
    public static async Task<EmulatorProcess> StartAsync(IEnumerable<string> arguments, string apiKey, string authOnlyKey, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!File.Exists(EmulatorAssembly))
        {
            throw new FileNotFoundException($"The emulator is missing from the module folder ({EmulatorAssembly}). Reinstall the module or run ./build.ps1 -Task Build.", EmulatorAssembly);
        }

        var start = new ProcessStartInfo(FindDotnet())
        {
            Arguments = string.Join(" ", new[] { EmulatorAssembly }.Concat(arguments).Select(Quote)),
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            CreateNoWindow = true,
        };
        // Keys go through the environment, not the command line, which other users of the machine can read.
        start.EnvironmentVariables["COMETCHAT_EMULATOR_API_KEY"] = apiKey;
        start.EnvironmentVariables["COMETCHAT_EMULATOR_AUTH_ONLY_KEY"] = authOnlyKey;
        start.EnvironmentVariables["COMETCHAT_EMULATOR_PARENT_PID"] = Process.GetCurrentProcess().Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var emulator = new EmulatorProcess(process, SecretText.Protect(apiKey));
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
            {
                listening.TrySetResult(line.Substring(ListeningPrefix.Length).Trim());
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (emulator._stderr)
                {
                    emulator._stderr.AppendLine(e.Data);
                }
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            $"The emulator exited with code {SafeExitCode(process)} before it was ready. {emulator.ErrorOutput()}".Trim()));

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (Gate)
        {
            Started.Add(emulator);
        }

        try
        {
            if (await Task.WhenAny(listening.Task, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false) != listening.Task)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException($"The emulator did not start listening within {timeout.TotalSeconds:0} s. {emulator.ErrorOutput()}".Trim());
            }
            emulator.BaseUri = new Uri((await listening.Task.ConfigureAwait(false)).TrimEnd('/') + "/v3");
            return emulator;
        }
        catch
        {
            emulator.Stop();
            throw;
        }
    }

    /// <summary>Asks the emulator to shut down (so it deletes a temporary database), then kills it if it lingers.</summary>
    public void Stop()
    {
        try
        {
            if (!_process.HasExited && BaseUri is not null)
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri, "/_emulator/shutdown"));
                request.Headers.TryAddWithoutValidation("apikey", SecretText.Reveal(_apiKey));
                http.SendAsync(request).GetAwaiter().GetResult().Dispose();
                _process.WaitForExit(5000);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            // Already gone or not answering: fall through to kill.
        }
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
        lock (Gate)
        {
            Started.Remove(this);
        }
    }

    public static EmulatorProcess? Find(int processId)
    {
        lock (Gate)
        {
            return Started.FirstOrDefault(e => e.ProcessId == processId);
        }
    }

    public static IReadOnlyList<EmulatorProcess> All()
    {
        lock (Gate)
        {
            return Started.ToList();
        }
    }

    public static void StopAll()
    {
        foreach (var emulator in All())
        {
            emulator.Stop();
        }
    }

    /// <summary>A random 40-hex-character key, the format of CometChat's keys.</summary>
    public static string NewKey()
    {
        var bytes = new byte[20];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(bytes);
        }
        return string.Concat(bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private string ErrorOutput()
    {
        lock (_stderr)
        {
            return _stderr.ToString().Trim();
        }
    }

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    private static string Quote(string argument)
        => argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '"', '\t' }) < 0 ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";

    /// <summary>The dotnet host that runs the emulator: the one running PowerShell when it is dotnet, else the runtime's.</summary>
    private static string FindDotnet()
    {
        var exe = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        var candidates = new List<string?>
        {
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"),
            Process.GetCurrentProcess().MainModule?.FileName,
            Environment.GetEnvironmentVariable("DOTNET_ROOT") is { } root ? Path.Combine(root, exe) : null,
            Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", exe)),
        };
        return candidates.FirstOrDefault(path => path is not null && File.Exists(path)
            && string.Equals(Path.GetFileName(path), exe, StringComparison.OrdinalIgnoreCase)) ?? exe;
    }
}
