namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// Work items started in input order, running concurrently, handed back in input order. Completed items wait
/// behind a slow one (a row in its retries) up to <see cref="MaxBuffered"/>: enough that a row stuck for seconds
/// doesn't stop new rows from starting (a finished result is a small object), yet bounded so a row stuck for
/// minutes can't make memory grow without limit.
/// </summary>
internal sealed class OrderedWorkQueue<TItem> where TItem : class
{
    private readonly Queue<(TItem Item, Task Task)> _pending = new();
    private readonly SemaphoreSlim _completions = new(0);
    private int _running;

    public OrderedWorkQueue(int throttleLimit)
    {
        ThrottleLimit = throttleLimit;
    }

    /// <summary>Requests allowed in flight at once (it may change between items).</summary>
    public int ThrottleLimit { get; set; }

    /// <summary>
    /// Items allowed between the oldest unfinished one and the newest: 256 per request in flight, at least 4,096, so
    /// it follows an in-flight limit sized as the command runs (at 114 in flight, 29,184 rows: three minutes at
    /// CometChat's core limit, as long as one request may take).
    /// </summary>
    public int MaxBuffered => Math.Max(4096, ThrottleLimit * 256);

    /// <summary>Items not yet handed back.</summary>
    public int Count => _pending.Count;

    /// <summary>Items whose task has not finished.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Whether another item may start now.</summary>
    public bool HasRoom => Running < ThrottleLimit && _pending.Count < MaxBuffered;

    /// <summary>Enqueues an item whose work has just been started as <paramref name="task"/>.</summary>
    public void Add(TItem item, Task task)
    {
        Interlocked.Increment(ref _running);
        _pending.Enqueue((item, task));
        task.ContinueWith(static (_, state) =>
        {
            var queue = (OrderedWorkQueue<TItem>)state!;
            Interlocked.Decrement(ref queue._running);
            queue._completions.Release();
        }, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Hands back the oldest item if its work has finished.</summary>
    public bool TryTakeFinished(out TItem item, out Task task)
    {
        if (_pending.Count > 0 && _pending.Peek().Task.IsCompleted)
        {
            (item, task) = _pending.Dequeue();
            return true;
        }
        item = null!;
        task = null!;
        return false;
    }

    /// <summary>Waits until some item finishes or <paramref name="timeout"/> passes.</summary>
    public void WaitForAnyCompletion(TimeSpan timeout, CancellationToken cancellationToken)
        => _completions.Wait(timeout, cancellationToken);

    /// <summary>Every item not yet handed back (for a summary after Ctrl+C).</summary>
    public IEnumerable<(TItem Item, Task Task)> Remaining => _pending;
}
