using CometChat.Emulator.Settings;

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
