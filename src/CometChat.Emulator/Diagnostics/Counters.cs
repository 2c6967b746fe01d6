using System.Collections.Concurrent;
using CometChat.Emulator.Faults;

namespace CometChat.Emulator.Diagnostics;

/// <summary>Counts /v3 requests by method, route template and status, and the faults injected.</summary>
public sealed class Counters
{
    private readonly ConcurrentDictionary<(string Method, string Route, int Status), long> _requests = new();
    private readonly long[] _faults = new long[Enum.GetValues<FaultKind>().Length];
    private long _afterWrite;
    private long _inFlight;
    private long _peakInFlight;

    /// <summary>/v3 requests that arrived and have not ended yet (not answered, dropped or abandoned).</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>
    /// The most /v3 requests in flight at once since the counters were zeroed: how many requests a client really
    /// kept open, whatever it says about itself.
    /// </summary>
    public long PeakInFlight => Interlocked.Read(ref _peakInFlight);

    /// <summary>Marks a /v3 request as arrived; dispose the result when it has ended.</summary>
    public IDisposable Arrived()
    {
        var now = Interlocked.Increment(ref _inFlight);
        RaisePeak(now);
        return new Ending(this);
    }

    private void RaisePeak(long inFlight)
    {
        var peak = Interlocked.Read(ref _peakInFlight);
        while (inFlight > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakInFlight, inFlight, peak);
            if (seen == peak)
            {
                return;
            }
            peak = seen;
        }
    }
    /// <summary>Counts one answered (or dropped: status 0) request.</summary>
    public void Request(string method, string route, int status) =>
        _requests.AddOrUpdate((method, route, status), 1, (_, n) => n + 1);

    /// <summary>Counts one injected fault.</summary>
    public void Fault(FaultKind kind, bool afterWrite)
    {
        Interlocked.Increment(ref _faults[(int)kind]);
        if (afterWrite)
        {
            Interlocked.Increment(ref _afterWrite);
        }
    }

    /// <summary>Zeroes everything.</summary>
    public void Reset()
    {
        _requests.Clear();
        for (var i = 0; i < _faults.Length; i++)
        {
            Interlocked.Exchange(ref _faults[i], 0);
        }
        Interlocked.Exchange(ref _afterWrite, 0);
        // Requests still in flight stay counted; the peak starts again from them.
        Interlocked.Exchange(ref _peakInFlight, InFlight);
    }

    /// <summary>Writes the counters object of <c>GET /_emulator/counters</c>.</summary>
    public void Write(Utf8JsonWriter w)
    {
        var rows = _requests.ToArray()
            .OrderBy(r => r.Key.Route, StringComparer.Ordinal)
            .ThenBy(r => r.Key.Method, StringComparer.Ordinal)
            .ThenBy(r => r.Key.Status)
            .ToList();
        w.WriteStartObject();
        w.WriteNumber("totalRequests", rows.Sum(r => r.Value));
        w.WriteNumber("inFlight", InFlight);
        w.WriteNumber("peakInFlight", PeakInFlight);
        w.WriteStartArray("requests");
        foreach (var (key, count) in rows)
        {
            w.WriteStartObject();
            w.WriteString("method", key.Method);
            w.WriteString("route", key.Route);
            w.WriteNumber("status", key.Status);
            w.WriteNumber("count", count);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("faults");
        w.WriteNumber("status500", Volatile.Read(ref _faults[(int)FaultKind.Status500]));
        w.WriteNumber("status502", Volatile.Read(ref _faults[(int)FaultKind.Status502]));
        w.WriteNumber("status503", Volatile.Read(ref _faults[(int)FaultKind.Status503]));
        w.WriteNumber("dropped", Volatile.Read(ref _faults[(int)FaultKind.Dropped]));
        w.WriteNumber("delayed", Volatile.Read(ref _faults[(int)FaultKind.Delayed]));
        w.WriteNumber("afterWrite", Volatile.Read(ref _afterWrite));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private sealed class Ending(Counters counters) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                Interlocked.Decrement(ref counters._inFlight);
            }
        }
    }
}
