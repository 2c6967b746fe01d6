using CometChat.PowerShell.Threading;

namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// The base of every cmdlet of this module: a stop token cancelled by Ctrl+C (StopProcessing), disposed with the
/// command, and <see cref="Await{T}"/>, the one bridge from the pipeline thread to async work.
/// </summary>
public abstract class CancellableCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private bool _disposed;

    /// <summary>Cancelled when the user presses Ctrl+C, or when the command stops every request it started.</summary>
    protected CancellationToken StopToken => _stopping.Token;

    /// <summary>Cancels every request of this command (a failure that no other record can escape).</summary>
    protected void CancelAll() => _stopping.Cancel();

    /// <inheritdoc />
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Runs <paramref name="work"/> off the pipeline thread and waits for it; Ctrl+C stops the wait.</summary>
    protected T Await<T>(Func<CancellationToken, Task<T>> work) => AsyncBridge.Run(work, StopToken, BetweenSlices);

    /// <summary>Called on the pipeline thread while waiting (to write what the work queued).</summary>
    protected virtual void BetweenSlices()
    {
    }

    /// <summary>
    /// PowerShell disposes a command when its pipeline ends, also after Ctrl+C stopped it wherever it was: the one
    /// place sure to run last.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        OnDisposing();
        _stopping.Dispose();
    }

    /// <summary>Work to finish when the command ends, before its stop token goes away.</summary>
    protected virtual void OnDisposing()
    {
    }
}
