namespace CometChat.PowerShell.Threading;

/// <summary>
/// The one way this module waits on async work from PowerShell's pipeline thread: the work runs on the thread pool,
/// and the wait goes in short slices, so that a Ctrl+C ends it at once and lines queued by the work (verbose,
/// debug) can be written on the pipeline thread, the only one allowed to write them.
/// </summary>
internal static class AsyncBridge
{
    /// <summary>How long one slice of a wait lasts.</summary>
    public static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(100);

    /// <summary>Starts <paramref name="work"/> on the thread pool and waits for its result.</summary>
    public static T Run<T>(Func<CancellationToken, Task<T>> work, CancellationToken stop, Action? betweenSlices = null)
    {
        var task = Task.Run(() => work(stop), stop);
        Wait(task, stop, betweenSlices);
        return task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Waits for <paramref name="task"/>, calling <paramref name="betweenSlices"/> after each slice and once at the
    /// end; a cancelled <paramref name="stop"/> ends the wait with <see cref="PipelineStoppedException"/>. The task's
    /// own failure is left for the caller to read from the task.
    /// </summary>
    public static void Wait(Task task, CancellationToken stop, Action? betweenSlices = null)
    {
        while (!task.IsCompleted)
        {
            WaitSlice(task, stop);
            betweenSlices?.Invoke();
        }
        betweenSlices?.Invoke();
    }

    /// <summary>Waits up to one slice for <paramref name="task"/>; throws when <paramref name="stop"/> is cancelled.</summary>
    public static void WaitSlice(Task task, CancellationToken stop)
    {
        try
        {
            task.Wait((int)Slice.TotalMilliseconds, stop);
        }
        catch (AggregateException)
        {
            // The task failed; the caller reads the failure from the task.
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> for at most <paramref name="timeout"/> where no one can press Ctrl+C (argument
    /// completion); null when it fails or takes longer, so the caller can fall back instead of erroring.
    /// </summary>
    public static T? RunBriefly<T>(Func<CancellationToken, Task<T>> work, TimeSpan timeout) where T : class
    {
        using var expiry = new CancellationTokenSource(timeout);
        try
        {
            return Task.Run(() => work(expiry.Token), expiry.Token).GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is OperationCanceledException or Client.Errors.CometChatException or AggregateException)
        {
            return null;
        }
    }
}
