using System.Globalization;
using System.Net;

namespace CometChat.Emulator.Hosting;

/// <summary>
/// Parses the emulator's command line. Hand-written on purpose: the module depends on the exact option
/// names, on <c>COMETCHAT_EMULATOR_*</c> fallbacks and on exit code 2 for bad input, which is simpler to
/// guarantee with a small table than by configuring a general parser.
/// </summary>
public static class CommandLine
{
    /// <summary>One option; <paramref name="Implicit"/> is the value taken when the option is given without one.</summary>
    private sealed record Option(string Name, string Value, string Help, Func<EmulatorOptions, string, EmulatorOptions> Apply,
        string? Implicit = null);

    private static readonly Option[] Options =
    [
        new("port", "<int>", "TCP port; 0 (default) picks a free port.",
            (o, v) => o with { Port = Int(v, "port", 0, 65535) }),
        new("host", "<address>", "IP address to bind (default 127.0.0.1).",
            (o, v) => o with { Host = HostAddress(v) }),
        new("data-path", "<file>", "SQLite file kept across restarts. Default: a temporary file deleted on shutdown.",
            (o, v) => o with { DataPath = NonEmpty(v, "data-path") }),
        new("api-key", "<key>", "The fullAccess key. Default: a random 40-hex key, printed at start.",
            (o, v) => o with { ApiKey = NonEmpty(v, "api-key") }),
        new("auth-only-key", "<key>", "The authOnly key. Default: a random 40-hex key, printed at start.",
            (o, v) => o with { AuthOnlyKey = NonEmpty(v, "auth-only-key") }),
        new("sample-data", "[current|superheroes|none]",
            "Start a new database with the sample users of a new CometChat app (alone: current; default none).",
            (o, v) => o with { SampleData = SampleData.Parse(v) ?? throw new UsageException("sample-data must be current, superheroes or none.") },
            Implicit: "current"),
        new("parent-pid", "<int>", "Shut down when this process exits (set by Start-CometChatEmulator).",
            (o, v) => o with { ParentProcessId = Int(v, "parent-pid", 1, int.MaxValue) }),
        new("core-requests-per-minute", "<int>", "Core bucket budget per minute (default 10000; 0 = no limit).",
            (o, v) => o with { Settings = o.Settings with { CoreRequestsPerMinute = Int(v, "core-requests-per-minute", 0, int.MaxValue) } }),
        new("standard-requests-per-minute", "<int>", "Standard bucket budget per minute (default 20000; 0 = no limit).",
            (o, v) => o with { Settings = o.Settings with { StandardRequestsPerMinute = Int(v, "standard-requests-per-minute", 0, int.MaxValue) } }),
        new("rate-limit-window-seconds", "<int>", "Length of a fixed rate-limit window (default 60).",
            (o, v) => o with { Settings = o.Settings with { RateLimitWindowSeconds = Int(v, "rate-limit-window-seconds", 1, 86_400) } }),
        new("latency-ms", "<int>", "Fixed delay added to every /v3 request (default 0).",
            (o, v) => o with { Settings = o.Settings with { LatencyMilliseconds = Int(v, "latency-ms", 0, 600_000) } }),
        new("latency-jitter-ms", "<int>", "Random extra delay 0..N ms per /v3 request (default 0).",
            (o, v) => o with { Settings = o.Settings with { LatencyJitterMilliseconds = Int(v, "latency-jitter-ms", 0, 600_000) } }),
        new("failure-rate", "<0..1>", "Share of /v3 requests that fail (500/502/503, dropped or delayed; default 0).",
            (o, v) => o with { Settings = o.Settings with { FailureRate = Rate(v) } }),
        new("seed", "<int>", "Seed of the fault decisions (default 0).",
            (o, v) => o with { Settings = o.Settings with { Seed = Int(v, "seed", int.MinValue, int.MaxValue) } }),
        new("fault-delay-ms", "<int>", "How long a 'delayed' fault holds a request (default 100000).",
            (o, v) => o with { Settings = o.Settings with { FaultDelayMilliseconds = Int(v, "fault-delay-ms", 0, 3_600_000) } }),
        new("mask-rejected-keys", "<true|false>", "Mask the middle of a rejected key in errors, as CometChat does (default true).",
            (o, v) => o with { Settings = o.Settings with { MaskRejectedKeys = Bool(v, "mask-rejected-keys") } }),
    ];

    /// <summary>Thrown for an invalid option; the message is meant for stderr.</summary>
    public sealed class UsageException(string message) : Exception(message);

    /// <summary>The text printed by <c>--help</c>.</summary>
    public static string Usage
    {
        get
        {
            var lines = new List<string>
            {
                "CometChat REST API v3 emulator",
                "",
                "Usage: dotnet CometChat.Emulator.dll [options]",
                "",
                "Options (each also read from COMETCHAT_EMULATOR_<NAME>, e.g. COMETCHAT_EMULATOR_API_KEY; the command line wins):",
            };
            foreach (var option in Options)
            {
                lines.Add($"  --{option.Name} {option.Value}".PadRight(44) + option.Help);
            }
            lines.Add("  --help".PadRight(44) + "Show this text.");
            return string.Join(Environment.NewLine, lines);
        }
    }

    /// <summary>True when the arguments ask for help.</summary>
    public static bool WantsHelp(IEnumerable<string> args) =>
        args.Any(a => a is "--help" or "-h" or "-?" or "/?");

    /// <summary>Builds options from environment variables, then the command line.</summary>
    /// <exception cref="UsageException">An option is unknown, lacks a value or has an invalid one.</exception>
    public static EmulatorOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var result = new EmulatorOptions();
        foreach (var option in Options)
        {
            var name = "COMETCHAT_EMULATOR_" + option.Name.Replace('-', '_').ToUpperInvariant();
            var value = environment(name);
            if (!string.IsNullOrEmpty(value))
            {
                result = Apply(option, result, value, name);
            }
        }

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"Unexpected argument '{arg}'. Options start with '--'; see --help.");
            }
            var text = arg[2..];
            string? value = null;
            var eq = text.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = text[(eq + 1)..];
                text = text[..eq];
            }
            var option = Options.FirstOrDefault(o => string.Equals(o.Name, text, StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException($"Unknown option '--{text}'. See --help.");
            if (value is null && option.Implicit is not null
                && (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
            {
                value = option.Implicit;
            }
            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"Option '--{option.Name}' needs a value {option.Value}.");
                }
                value = args[++i];
            }
            result = Apply(option, result, value, "--" + option.Name);
        }

        if (result.ApiKey is not null && result.ApiKey == result.AuthOnlyKey)
        {
            throw new UsageException("The fullAccess key and the authOnly key must differ.");
        }
        return result;
    }

    private static EmulatorOptions Apply(Option option, EmulatorOptions options, string value, string source)
    {
        try
        {
            return option.Apply(options, value);
        }
        catch (UsageException e)
        {
            throw new UsageException($"Invalid value '{value}' for {source}: {e.Message}");
        }
    }

    private static int Int(string value, string name, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            throw new UsageException($"{name} must be an integer from {min} to {max}.");
        }
        return n;
    }

    private static double Rate(string value)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || double.IsNaN(d) || d < 0 || d > 1)
        {
            throw new UsageException("failure-rate must be a number from 0 to 1.");
        }
        return d;
    }

    private static bool Bool(string value, string name) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw new UsageException($"{name} must be true or false."),
    };

    private static string NonEmpty(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new UsageException($"{name} must not be empty.") : value;

    private static string HostAddress(string value)
    {
        if (string.Equals(value, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "127.0.0.1";
        }
        return IPAddress.TryParse(value, out _) ? value : throw new UsageException("host must be an IP address (or localhost).");
    }
}
