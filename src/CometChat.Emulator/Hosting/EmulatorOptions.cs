using CometChat.Emulator.Model;

namespace CometChat.Emulator.Hosting;

/// <summary>Start-up options of the emulator, from the command line or <c>COMETCHAT_EMULATOR_*</c> variables.</summary>
public sealed record EmulatorOptions
{
    /// <summary>TCP port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Address to bind. Loopback unless given explicitly.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>SQLite file that persists across restarts; null for a temporary database deleted on shutdown.</summary>
    public string? DataPath { get; init; }

    /// <summary>The fullAccess key; null generates one.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The authOnly key; null generates one.</summary>
    public string? AuthOnlyKey { get; init; }

    /// <summary>When set, the emulator shuts down once this process exits (the PowerShell session that started it).</summary>
    public int? ParentProcessId { get; init; }

    /// <summary>The sample users a new database starts with (and a reset restores), as a new CometChat app has.</summary>
    public SampleDataSet SampleData { get; init; }

    /// <summary>Initial run-time settings (rate limits, latency, faults).</summary>
    public EmulatorSettings Settings { get; init; } = new();

    /// <summary>Clock used for timestamps and rate-limit windows; tests substitute a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

/// <summary>Settings that can also be changed at run time through <c>PUT /_emulator/settings</c>.</summary>
public sealed record EmulatorSettings
{
    /// <summary>Budget per minute of the core bucket; 0 = no limit.</summary>
    public int CoreRequestsPerMinute { get; init; } = 10_000;

    /// <summary>Budget per minute of the standard bucket; 0 = no limit.</summary>
    public int StandardRequestsPerMinute { get; init; } = 20_000;

    /// <summary>Length of a fixed rate-limit window.</summary>
    public int RateLimitWindowSeconds { get; init; } = 60;

    /// <summary>Fixed delay added to every /v3 request.</summary>
    public int LatencyMilliseconds { get; init; }

    /// <summary>Extra delay, uniformly 0..this, added to every /v3 request.</summary>
    public int LatencyJitterMilliseconds { get; init; }

    /// <summary>Share (0..1) of /v3 requests that fail.</summary>
    public double FailureRate { get; init; }

    /// <summary>Seed of the fault decisions.</summary>
    public int Seed { get; init; }

    /// <summary>How long a "timeout" fault holds the request.</summary>
    public int FaultDelayMilliseconds { get; init; } = 100_000;

    /// <summary>
    /// Show a rejected API key with its middle masked, as CometChat does; false echoes it whole, as services that
    /// don't mask would (to test a client's own scrubbing).
    /// </summary>
    public bool MaskRejectedKeys { get; init; } = true;

    /// <summary>Returns the first problem with these settings, or null when they are valid.</summary>
    public string? Validate()
    {
        if (CoreRequestsPerMinute < 0) return "coreRequestsPerMinute must be 0 or more.";
        if (StandardRequestsPerMinute < 0) return "standardRequestsPerMinute must be 0 or more.";
        if (RateLimitWindowSeconds is < 1 or > 86_400) return "rateLimitWindowSeconds must be between 1 and 86400.";
        if (LatencyMilliseconds is < 0 or > 600_000) return "latencyMilliseconds must be between 0 and 600000.";
        if (LatencyJitterMilliseconds is < 0 or > 600_000) return "latencyJitterMilliseconds must be between 0 and 600000.";
        if (double.IsNaN(FailureRate) || FailureRate is < 0 or > 1) return "failureRate must be between 0 and 1.";
        if (FaultDelayMilliseconds is < 0 or > 3_600_000) return "faultDelayMilliseconds must be between 0 and 3600000.";
        return null;
    }
}
