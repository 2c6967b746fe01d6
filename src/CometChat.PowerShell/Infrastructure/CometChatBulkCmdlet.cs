using System.Diagnostics;
using System.Globalization;

using CometChat.Client.Http;
using CometChat.PowerShell.Threading;

namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// Base of the cmdlets that work through many input records: several requests in flight (<c>-ThrottleLimit</c>),
/// results written on the pipeline thread in input order, one error per failed record with the record as target,
/// progress with counts and rate, and a summary on the Information stream (kept on the connection too, so it
/// survives Ctrl+C).
/// </summary>
public abstract class CometChatBulkCmdlet<TResult> : CometChatCmdlet
{
    private const int ProgressId = 4117;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
    private readonly Stopwatch _clock = new();
    private readonly Dictionary<string, Task> _latestByKey = new(StringComparer.OrdinalIgnoreCase);
    private OrderedWorkQueue<WorkItem>? _queue;
    private InFlightSizing? _inFlight;
    private TimeSpan _lastProgress = TimeSpan.Zero;
    private bool _progressShown;
    private bool _summaryCompleted;
    private bool _draining;

    /// <summary>How many requests may be in flight at once; by default sized from the paced rate and the round trip.</summary>
    [Parameter]
    [ValidateRange(1, ConcurrencyController.Maximum)]
    public int ThrottleLimit { get; set; } = ConcurrencyController.Initial;

    /// <summary>How many records are coming, when piped input can't tell; enables percent and time remaining in the progress bar.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int TotalCount { get; set; }

    /// <summary>What this command has done so far.</summary>
    protected OperationSummary Summary { get; } = new();

    /// <summary>The progress bar's title, e.g. "Creating CometChat users".</summary>
    protected abstract string ProgressActivity { get; }

    /// <summary>Counts a successful result in <see cref="Summary"/>.</summary>
    protected abstract void CountSuccess(TResult result);

    /// <summary>Records expected from arguments (not the pipeline), for progress; 0 when unknown.</summary>
    protected virtual int ExpectedFromArguments => 0;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _clock.Start();
        Summary.Command = MyInvocation.MyCommand.Name;
        _queue = new OrderedWorkQueue<WorkItem>(ThrottleLimit);
    }

    /// <summary>
    /// Starts <paramref name="operation"/> for one input record once there is room; its result goes to
    /// <paramref name="onSuccess"/> (on the pipeline thread, in input order). A failure goes to
    /// <paramref name="onFailure"/> first, which returns true when it dealt with it; otherwise it becomes an error
    /// record targeting <paramref name="target"/>. Records with the same <paramref name="key"/> (a uid) run one after
    /// the other, in input order, so that the first of two rows for a uid is the one created and the last update
    /// is the one that stays; records with different keys run concurrently.
    /// </summary>
    protected void Submit(object? target, string? key, Func<CometChatClient, CancellationToken, Task<TResult>> operation,
        Action<TResult> onSuccess, Func<Exception, bool>? onFailure = null)
    {
        var queue = _queue!;
        _inFlight ??= StartSizing();
        DeliverFinished();
        while (!HasRoom(queue))
        {
            WaitForAnyCompletion();
            DeliverFinished();
        }
        Task? previous = null;
        if (key is not null)
        {
            _latestByKey.TryGetValue(key, out previous);
        }
        var task = Start(operation, previous);
        if (key is not null)
        {
            _latestByKey[key] = task;
        }
        queue.Add(new WorkItem(target, key, onSuccess, onFailure), task);
    }

    /// <summary>-ThrottleLimit given: that many. Otherwise sized from what this command's requests report.</summary>
    private InFlightSizing StartSizing()
    {
        if (GivenOnCommandLine(nameof(ThrottleLimit)))
        {
            return InFlightSizing.Fixed(ThrottleLimit);
        }
        var client = Connection.Client;
        var controller = new ConcurrencyController(client.Pacer, client.Options.TimeProvider);
        Activity.Concurrency = controller;
        return InFlightSizing.Adaptive(controller);
    }

    private bool HasRoom(OrderedWorkQueue<WorkItem> queue)
    {
        queue.ThrottleLimit = _inFlight!.Apply();
        if (_inFlight.Report(queue.ThrottleLimit) is { } line)
        {
            WriteVerbose(line);
        }
        return queue.HasRoom;
    }

    /// <summary>Waits for every request submitted so far and delivers their results, in order.</summary>
    protected void WaitForAll()
    {
        var queue = _queue!;
        while (queue.Count > 0)
        {
            DeliverFinished();
            if (queue.Count > 0)
            {
                WaitForAnyCompletion();
            }
        }
    }

    /// <summary>Counts a record that failed before any request (e.g. a failed conversion).</summary>
    protected void CountFailure() => Summary.Failed++;

    /// <inheritdoc />
    protected override void OnRecordRejected() => CountFailure();

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        WaitForAll();
        CompleteSummary(stopped: false);
        if (_progressShown)
        {
            WriteProgress(new ProgressRecord(ProgressId, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed });
        }
        if (Summary.Processed > 0)
        {
            // PSHOST: shown on the console like Write-Host, so a run ends with its summary line unless the
            // Information stream is redirected or -InformationAction Ignore; -InformationVariable still gets the object.
            WriteInformation(Summary, new[] { "CometChat", "Summary", "PSHOST" });
        }
    }

    /// <summary>After Ctrl+C stopped the command wherever it was, the summary is completed here.</summary>
    protected override void OnDisposing()
    {
        if (!_summaryCompleted && _queue is not null)
        {
            OnStopped();
        }
    }

    private void WaitForAnyCompletion()
    {
        try
        {
            _queue!.WaitForAnyCompletion(AsyncBridge.Slice, StopToken);
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        PumpVerbose();
        ReportProgress();
    }

    private void DeliverFinished()
    {
        while (_queue!.TryTakeFinished(out var item, out var task))
        {
            if (item.Key is not null && _latestByKey.TryGetValue(item.Key, out var latest) && latest == task)
            {
                _latestByKey.Remove(item.Key);
            }
            var finished = (Task<TResult>)task;
            if (finished.Status == TaskStatus.RanToCompletion)
            {
                Deliver(item, finished.Result);
                continue;
            }
            Exception failure = finished.Exception is { } aggregate ? Unwrap(aggregate) : new OperationCanceledException();
            if (item.OnFailure?.Invoke(failure) == true)
            {
                continue;
            }
            if (failure is OperationCanceledException && StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            Summary.Failed++;
            WriteFailure(failure, item.Target);
        }
        PumpVerbose();
        ReportProgress();
    }

    private void Deliver(WorkItem item, TResult result)
    {
        NoteAnswered();
        CountSuccess(result);
        item.OnSuccess(result);
    }

    /// <summary>
    /// Before an error stops the command (-ErrorAction Stop): requests already sent may have been applied (a user
    /// created), so wait for them and write their results, rather than leave applied work unreported.
    /// </summary>
    protected override string? OnStoppingAtError()
    {
        if (_draining || _queue is not { } queue)
        {
            return null;
        }
        _draining = true;
        while (queue.Running > 0)
        {
            WaitForAnyCompletion();
        }
        int written = 0, failed = 0;
        while (queue.TryTakeFinished(out var item, out var task))
        {
            if (task.Status == TaskStatus.RanToCompletion)
            {
                Deliver(item, ((Task<TResult>)task).Result);
                written++;
            }
            else
            {
                Summary.Failed++;
                failed++;
            }
        }
        _latestByKey.Clear();
        return written + failed == 0 ? null : string.Format(CultureInfo.InvariantCulture,
            "Before stopping, the {0} later records already sent were finished: {1} succeeded and were written to the output, {2} failed as well (counted in (Get-CometChatContext).LastOperation).",
            written + failed, written, failed);
    }

    /// <summary>After a stop: let cancelled requests settle, count those that were applied, keep the summary on the connection.</summary>
    private void OnStopped()
    {
        var queue = _queue!;
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (queue.Running > 0 && DateTime.UtcNow < deadline)
        {
            queue.WaitForAnyCompletion(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
        foreach (var (_, task) in queue.Remaining)
        {
            if (task.Status == TaskStatus.RanToCompletion)
            {
                CountSuccess(((Task<TResult>)task).Result);
            }
        }
        CompleteSummary(stopped: true);
    }

    private void CompleteSummary(bool stopped)
    {
        _summaryCompleted = true;
        Summary.Stopped = stopped;
        Summary.Retried = Activity.Retries;
        Summary.Recovered = Activity.RecoveredCount;
        Summary.Paced = Activity.PacedTime;
        Summary.Throttled = Activity.ThrottledTime;
        Summary.Elapsed = _clock.Elapsed;
        Summary.InFlightLimit = _inFlight?.Applied ?? 0;
        Summary.PeakInFlightLimit = _inFlight?.Peak ?? 0;
        var connection = Context ?? DefaultConnection.Current;
        if (connection is not null)
        {
            connection.LastOperation = Summary;
        }
    }

    private void ReportProgress()
    {
        var now = _clock.Elapsed;
        if (now - _lastProgress < ProgressInterval || now < TimeSpan.FromSeconds(1))
        {
            return;
        }
        _lastProgress = now;
        var done = Summary.Processed;
        var rate = done / Math.Max(0.001, now.TotalSeconds);
        var status = string.Format(CultureInfo.InvariantCulture, "{0} done, {1} failed, {2:0.0}/s", done, Summary.Failed, rate);
        if (Activity.ThrottledUntil is { } until)
        {
            status += string.Format(CultureInfo.InvariantCulture, " - throttled, resuming in {0:0} s", Math.Ceiling((until - DateTimeOffset.UtcNow).TotalSeconds));
        }
        var record = new ProgressRecord(ProgressId, ProgressActivity, status);
        var total = TotalCount > 0 ? TotalCount : ExpectedFromArguments;
        if (total > 0)
        {
            record.PercentComplete = (int)Math.Min(100, done * 100 / total);
            if (rate > 0)
            {
                record.SecondsRemaining = (int)Math.Max(0, (total - done) / rate);
            }
        }
        WriteProgress(record);
        _progressShown = true;
    }

    private sealed class WorkItem
    {
        public WorkItem(object? target, string? key, Action<TResult> onSuccess, Func<Exception, bool>? onFailure)
        {
            Target = target;
            Key = key;
            OnSuccess = onSuccess;
            OnFailure = onFailure;
        }

        public object? Target { get; }

        public string? Key { get; }

        public Action<TResult> OnSuccess { get; }

        public Func<Exception, bool>? OnFailure { get; }
    }
}
