namespace CometChat.Emulator.Settings;

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
