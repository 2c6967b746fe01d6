namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// The first row of each uid among the last <see cref="Capacity"/> distinct uids of an input, ignoring case. Older
/// uids are forgotten in the order they were first seen, so a pipeline of any length holds a bounded amount of memory.
/// </summary>
internal sealed class RecentUids
{
    private readonly Dictionary<string, (int Row, string Uid)> _first = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<string> _order = new();

    public RecentUids(int capacity)
    {
        Capacity = capacity;
    }

    /// <summary>How many distinct uids are remembered.</summary>
    public int Capacity { get; }

    /// <summary>The row that first had <paramref name="uid"/>, and its spelling there, while it is remembered.</summary>
    public bool TryGetValue(string uid, out (int Row, string Uid) first) => _first.TryGetValue(uid, out first);

    /// <summary>Remembers <paramref name="row"/> as the first with <paramref name="uid"/>, forgetting the oldest uid when full.</summary>
    public void Add(string uid, int row)
    {
        if (_first.Count >= Capacity)
        {
            _first.Remove(_order.Dequeue());
        }
        _first.Add(uid, (row, uid));
        _order.Enqueue(uid);
    }
}
