using System.Globalization;
using System.IO;
using CometChat.Client.Secrets;
using CometChat.PowerShell.Emulator;

namespace CometChat.PowerShell.Commands;

/// <summary>Starts the bundled CometChat emulator on 127.0.0.1 and connects to it.</summary>
[Cmdlet(VerbsLifecycle.Start, "CometChatEmulator")]
[OutputType(typeof(CometChatEmulator))]
public sealed class StartCometChatEmulatorCommand : CancellableCmdlet
{

    /// <summary>TCP port on 127.0.0.1; a free one when not given.</summary>
    [Parameter]
    [ValidateRange(1, 65535)]
    public int Port { get; set; }

    /// <summary>A SQLite file that keeps the data across restarts. Without it, data lives in a temporary database deleted on stop.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DataPath { get; set; }

    /// <summary>Start with the sample users of a new CometChat app: Current (cometchat-uid-1 … 5) or Superheroes (superhero1 … 5).</summary>
    [Parameter]
    public EmulatorSampleData? SampleData { get; set; }

    /// <summary>Core operations allowed per minute (create/delete user, deactivate, auth token); 0 = no limit. Default 10,000 as in production.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? CoreRequestsPerMinute { get; set; }

    /// <summary>Other operations allowed per minute; 0 = no limit. Default 20,000 as in production.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? StandardRequestsPerMinute { get; set; }

    /// <summary>Length of a rate-limit window in seconds (default 60); the window's budget is the per-minute limit scaled to it.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int? RateLimitWindowSeconds { get; set; }

    /// <summary>Added latency per request, standing in for a network round trip.</summary>
    [Parameter]
    [ValidateRange(0, 60_000)]
    public int? LatencyMilliseconds { get; set; }

    /// <summary>Random extra latency per request, up to this many milliseconds.</summary>
    [Parameter]
    [ValidateRange(0, 60_000)]
    public int? LatencyJitterMilliseconds { get; set; }

    /// <summary>Share of requests (0 to 1) that fail: 500/502/503, dropped connections, or answers too late.</summary>
    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double? FailureRate { get; set; }

    /// <summary>Seed that makes injected failures reproducible.</summary>
    [Parameter]
    public int? Seed { get; set; }

    /// <summary>How long a "too late" failure holds its answer, in milliseconds.</summary>
    [Parameter]
    [ValidateRange(0, 600_000)]
    public int? FaultDelayMilliseconds { get; set; }

    /// <summary>Seconds to wait for the emulator to start (default 30).</summary>
    [Parameter]
    [ValidateRange(1, 600)]
    public int StartTimeoutSec { get; set; } = 30;

    /// <summary>Don't make the emulator the default connection of this runspace (use its Context with -Context).</summary>
    [Parameter]
    [Alias("NoConnect")]
    public SwitchParameter NoDefault { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var apiKey = EmulatorProcess.NewKey();
        var authOnlyKey = EmulatorProcess.NewKey();
        string? dataPath = DataPath is null ? null : GetUnresolvedProviderPathFromPSPath(DataPath);
        EmulatorProcess process;
        try
        {
            var arguments = Arguments(dataPath);
            process = Await(token => EmulatorProcess.StartAsync(arguments, apiKey, authOnlyKey, TimeSpan.FromSeconds(StartTimeoutSec), token));
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        catch (Exception error) when (error is FileNotFoundException or TimeoutException or InvalidOperationException or System.ComponentModel.Win32Exception or AggregateException)
        {
            var cause = error is AggregateException { InnerException: { } inner } ? inner : error;
            ThrowTerminatingError(new ErrorRecord(cause, "CometChatEmulatorStartFailed", ErrorCategory.ResourceUnavailable, null)
            {
                ErrorDetails = new ErrorDetails($"The CometChat emulator could not start: {cause.Message}")
                {
                    RecommendedAction = "The emulator needs the ASP.NET Core 10 runtime (part of the .NET 10 SDK). Check -Port is free and -DataPath is writable.",
                },
            });
            return;
        }

        // Pace the connection to the limits this emulator enforces (0 = none), as an app's known limits would be.
        var secureKey = SecretText.Protect(apiKey);
        var context = ConnectionFactory.Create(process.BaseUri!, secureKey, appId: null, region: null, isEmulator: true,
            CoreRequestsPerMinute ?? Client.CometChatClientOptions.ProductionCoreRequestsPerMinute,
            StandardRequestsPerMinute ?? Client.CometChatClientOptions.ProductionStandardRequestsPerMinute, emulator: process);
        if (!NoDefault)
        {
            DefaultConnection.Replace(this, context, warn: true);
        }
        WriteVerbose($"CometChat emulator listening at {process.BaseUri} (process {process.ProcessId}).");
        WriteObject(new CometChatEmulator(process.BaseUri!, secureKey,
            SecretText.Protect(authOnlyKey), process.ProcessId, dataPath, context));
    }

    private List<string> Arguments(string? dataPath)
    {
        var arguments = new List<string> { "--host", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture) };
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                arguments.Add(name);
                arguments.Add(Convert.ToString(value, CultureInfo.InvariantCulture)!);
            }
        }
        Add("--data-path", dataPath);
        Add("--sample-data", SampleData?.ToString().ToLowerInvariant());
        Add("--core-requests-per-minute", CoreRequestsPerMinute);
        Add("--standard-requests-per-minute", StandardRequestsPerMinute);
        Add("--rate-limit-window-seconds", RateLimitWindowSeconds);
        Add("--latency-ms", LatencyMilliseconds);
        Add("--latency-jitter-ms", LatencyJitterMilliseconds);
        Add("--failure-rate", FailureRate);
        Add("--seed", Seed);
        Add("--fault-delay-ms", FaultDelayMilliseconds);
        return arguments;
    }
}
