using CometChat.Emulator.Diagnostics;
using CometChat.Emulator.Faults;
using CometChat.Emulator.RateLimiting;
using CometChat.Emulator.Settings;
using CometChat.Emulator.Storage;

namespace CometChat.Emulator.Runtime;

/// <summary>The emulator's shared state: data, keys, settings, counters, rate limiter and fault injector.</summary>
public sealed class EmulatorRuntime
{
    private volatile EmulatorSettings _settings;

    /// <summary>Creates the runtime around an opened store.</summary>
    public EmulatorRuntime(Store store, string apiKey, string authOnlyKey, EmulatorSettings settings, TimeProvider time)
    {
        Store = store;
        ApiKey = apiKey;
        AuthOnlyKey = authOnlyKey;
        _settings = settings;
        Time = time;
        RateLimiter = new RateLimiter(time, () => _settings);
    }

    public Store Store { get; }

    /// <summary>The fullAccess key.</summary>
    public string ApiKey { get; }

    /// <summary>The authOnly key.</summary>
    public string AuthOnlyKey { get; }

    public TimeProvider Time { get; }

    public Counters Counters { get; } = new();

    public RateLimiter RateLimiter { get; }

    public FaultInjector Faults { get; } = new();

    /// <summary>Current settings. Changing rate limits restarts the windows; changing seed or failure rate
    /// restarts the fault sequence.</summary>
    public EmulatorSettings Settings
    {
        get => _settings;
        set
        {
            var old = _settings;
            _settings = value;
            if (old.CoreRequestsPerMinute != value.CoreRequestsPerMinute
                || old.StandardRequestsPerMinute != value.StandardRequestsPerMinute
                || old.RateLimitWindowSeconds != value.RateLimitWindowSeconds)
            {
                RateLimiter.Reset();
            }
            if (old.Seed != value.Seed || !old.FailureRate.Equals(value.FailureRate))
            {
                Faults.Reset();
            }
        }
    }

    /// <summary>Zeroes counters, rate-limit windows and the fault sequence (not the data).</summary>
    public void ResetCountersAndWindows()
    {
        Counters.Reset();
        RateLimiter.Reset();
        Faults.Reset();
    }
}
