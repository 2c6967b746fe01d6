using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CometChat.Emulator.Settings;

namespace CometChat.Emulator.Faults;

/// <summary>What an injected fault does.</summary>
public enum FaultKind
{
    None,
    Status500,
    Status502,
    Status503,
    /// <summary>The connection is aborted with no response.</summary>
    Dropped,
    /// <summary>The response is held for the fault delay, past a client's timeout.</summary>
    Delayed,
}

/// <summary>The fate of one request.</summary>
public readonly record struct FaultDecision(FaultKind Kind, bool AfterWrite, int JitterMilliseconds);

/// <summary>
/// Decides faults and latency jitter from a hash of (seed, method, normalized path, body, n-th occurrence of that
/// request) rather than from a shared random sequence. The same seed and the same set of requests therefore get
/// the same faults however concurrent requests interleave. The body is part of the key so that, for example, the
/// creates of different uids (one path, different bodies) each have a fate of their own.
/// </summary>
public sealed class FaultInjector
{
    private static readonly FaultKind[] Kinds =
        [FaultKind.Status500, FaultKind.Status502, FaultKind.Status503, FaultKind.Dropped, FaultKind.Delayed];

    private readonly ConcurrentDictionary<string, int> _occurrences = new(StringComparer.Ordinal);

    /// <summary>Decides the fate of one request; <paramref name="isWrite"/> allows failing after the write applied.</summary>
    public FaultDecision Decide(EmulatorSettings settings, string method, string path, ReadOnlySpan<byte> body, bool isWrite)
    {
        if (settings.FailureRate <= 0 && settings.LatencyJitterMilliseconds <= 0)
        {
            return default;
        }
        var bodyHash = Convert.ToHexString(SHA256.HashData(body));
        var request = $"{method.ToUpperInvariant()} {Normalize(path)} {bodyHash}";
        var n = _occurrences.AddOrUpdate(request, 1, (_, count) => count + 1);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{settings.Seed}\n{request}\n{n}"), hash);

        // 53 bits give a uniform double in [0, 1).
        var draw = (BinaryPrimitives.ReadUInt64LittleEndian(hash) >> 11) * (1.0 / (1UL << 53));
        var jitter = settings.LatencyJitterMilliseconds <= 0
            ? 0
            : (int)(BinaryPrimitives.ReadUInt32LittleEndian(hash[8..]) % (uint)(settings.LatencyJitterMilliseconds + 1));
        if (draw >= settings.FailureRate)
        {
            return new FaultDecision(FaultKind.None, false, jitter);
        }
        var kind = Kinds[hash[12] % Kinds.Length];
        var after = isWrite && (hash[13] & 1) == 1;
        return new FaultDecision(kind, after, jitter);
    }

    /// <summary>Forgets occurrence counts, so a run with the same seed repeats the same faults.</summary>
    public void Reset() => _occurrences.Clear();

    private static string Normalize(string path)
    {
        var p = path.ToLowerInvariant();
        return p.Length > 1 ? p.TrimEnd('/') : p;
    }
}
