using CometChat.Emulator.Http;
using CometChat.Emulator.Settings;
using CometChat.Emulator.Validation;

namespace CometChat.Emulator.Endpoints;

/// <summary>Reads and writes the settings object of <c>/_emulator/settings</c>.</summary>
public static class SettingsJson
{
    /// <summary>Writes all settings.</summary>
    public static void Write(Utf8JsonWriter w, EmulatorSettings s)
    {
        w.WriteStartObject();
        w.WriteNumber("coreRequestsPerMinute", s.CoreRequestsPerMinute);
        w.WriteNumber("standardRequestsPerMinute", s.StandardRequestsPerMinute);
        w.WriteNumber("rateLimitWindowSeconds", s.RateLimitWindowSeconds);
        w.WriteNumber("latencyMilliseconds", s.LatencyMilliseconds);
        w.WriteNumber("latencyJitterMilliseconds", s.LatencyJitterMilliseconds);
        w.WriteNumber("failureRate", s.FailureRate);
        w.WriteNumber("seed", s.Seed);
        w.WriteNumber("faultDelayMilliseconds", s.FaultDelayMilliseconds);
        w.WriteBoolean("maskRejectedKeys", s.MaskRejectedKeys);
        w.WriteEndObject();
    }

    /// <summary>Applies a partial update; unknown names and bad values give 400 and change nothing.</summary>
    public static (EmulatorSettings? Settings, ApiResult? Error) Apply(EmulatorSettings current, JsonBody body)
    {
        var errors = new ValidationErrors();
        var s = current;
        foreach (var p in body.Root.EnumerateObject())
        {
            switch (p.Name)
            {
                case "coreRequestsPerMinute": s = s with { CoreRequestsPerMinute = Int(p, errors) ?? s.CoreRequestsPerMinute }; break;
                case "standardRequestsPerMinute": s = s with { StandardRequestsPerMinute = Int(p, errors) ?? s.StandardRequestsPerMinute }; break;
                case "rateLimitWindowSeconds": s = s with { RateLimitWindowSeconds = Int(p, errors) ?? s.RateLimitWindowSeconds }; break;
                case "latencyMilliseconds": s = s with { LatencyMilliseconds = Int(p, errors) ?? s.LatencyMilliseconds }; break;
                case "latencyJitterMilliseconds": s = s with { LatencyJitterMilliseconds = Int(p, errors) ?? s.LatencyJitterMilliseconds }; break;
                case "seed": s = s with { Seed = Int(p, errors) ?? s.Seed }; break;
                case "faultDelayMilliseconds": s = s with { FaultDelayMilliseconds = Int(p, errors) ?? s.FaultDelayMilliseconds }; break;
                case "failureRate":
                    if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetDouble(out var rate))
                    {
                        s = s with { FailureRate = rate };
                    }
                    else
                    {
                        errors.Add(p.Name, "The failureRate must be a number.");
                    }
                    break;
                case "maskRejectedKeys":
                    if (p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        s = s with { MaskRejectedKeys = p.Value.GetBoolean() };
                    }
                    else
                    {
                        errors.Add(p.Name, "The maskRejectedKeys field must be true or false.");
                    }
                    break;
                default:
                    errors.Add(p.Name, $"Unknown setting '{p.Name}'.");
                    break;
            }
        }
        if (errors.IsEmpty && s.Validate() is { } problem)
        {
            errors.Add(problem.Split(' ')[0], problem);
        }
        return errors.IsEmpty ? (s, null) : (null, ApiErrors.Validation(errors));
    }

    private static int? Int(JsonProperty p, ValidationErrors errors)
    {
        if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out var n))
        {
            return n;
        }
        errors.Add(p.Name, $"The {p.Name} must be an integer.");
        return null;
    }
}
