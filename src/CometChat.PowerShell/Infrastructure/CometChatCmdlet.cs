using CometChat.Client.Http;
using CometChat.Client.Validation;

using CometChat.PowerShell.Threading;

namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// Base of the cmdlets that talk to CometChat: resolves the connection (<c>-Context</c> or the runspace default),
/// runs requests off the pipeline thread while writing their verbose lines on it, counts input records so errors
/// name their row, and turns failures into error records.
/// </summary>
public abstract class CometChatCmdlet : CancellableCmdlet
{
    private RequestActivity? _activity;
    private CometChatContext? _connection;
    private HashSet<string> _givenOnCommandLine = new(StringComparer.OrdinalIgnoreCase);
    private KnownRoles? _knownRoles;
    private int _recordNumber;
    private readonly CircuitBreaker _unreachable = new();

    /// <summary>The connection to use instead of the default one (see Connect-CometChat -PassThru).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(Completion.ContextCompleter))]
    public CometChatContext? Context { get; set; }

    internal RequestActivity Activity => _activity ??= new RequestActivity(Preferences.Verbose(this), Preferences.Debug(this));

    /// <summary>The connection this command uses; a terminating error when there is none.</summary>
    protected CometChatContext Connection
    {
        get
        {
            _connection ??= Context ?? DefaultConnection.Current;
            if (_connection is null)
            {
                ThrowTerminatingError(ErrorRecords.NotConnectedError());
            }
            if (_connection!.Emulator is { HasExited: true } emulator)
            {
                // Say so at once, rather than retry "connection refused" for every record.
                ThrowTerminatingError(ErrorRecords.EmulatorExited(_connection, emulator));
            }
            return _connection;
        }
    }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        // Before the first record, BoundParameters holds only what the command line gave.
        _givenOnCommandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="parameterName"/> was given on the command line (not bound from the pipeline).</summary>
    protected bool GivenOnCommandLine(string parameterName) => _givenOnCommandLine.Contains(parameterName);

    /// <summary>
    /// Whether a piped record is one of this module's own output objects (a user, a block, a token...). Only the
    /// command line may change fields of the user such an object addresses: its other properties describe what is,
    /// and binding them would write them back (or, for a block, write one user's name onto another).
    /// </summary>
    protected static bool IsModuleObject(PSObject? record)
        => record?.BaseObject is { } value && (value.GetType().Assembly == typeof(CometChatClient).Assembly
            || value.GetType().Assembly == typeof(CometChatCmdlet).Assembly);

    /// <summary>
    /// Whether the value of a parameter came from one text cell of a piped record (a CSV row) rather than from the
    /// command line or an array property: only a cell such as <c>a;b</c> is split into several values.
    /// </summary>
    protected bool IsTextCell(PSObject? record, params string[] propertyNames)
    {
        if (record is null || GivenOnCommandLine(propertyNames[0]))
        {
            return false;
        }
        foreach (var name in propertyNames)
        {
            if (record.Properties[name] is { } property)
            {
                return (property.Value is PSObject wrapped ? wrapped.BaseObject : property.Value) is string;
            }
        }
        return false;
    }

    /// <summary>
    /// The valid uids of one input record, each with what to blame when it fails: the piped record, or the uid
    /// itself when given as an argument. A uid that breaks the contract's rules (blank, too long, a character other
    /// than letters, digits, <c>-</c>, <c>_</c>) is reported here as a failed record and left out, so it never
    /// reaches the path of a request. Call once per input record: it counts the record for error messages.
    /// </summary>
    protected IEnumerable<(string Uid, object Target)> UidsOf(IEnumerable<string?> uids, PSObject? pipedRecord)
    {
        BeginRecord();
        foreach (var uid in uids)
        {
            object target = pipedRecord ?? (object)(uid ?? string.Empty);
            if (InputRules.Identifier("uid", uid) is { } problem)
            {
                RejectInput(new[] { problem }, target, pipedRecord is not null);
                continue;
            }
            yield return (uid!, target);
        }
    }

    /// <summary>Counts an input record, so that errors can name its row. Call once at the start of ProcessRecord.</summary>
    protected void BeginRecord() => _recordNumber++;

    /// <summary>The number of the input record being processed, counting from 1.</summary>
    protected int RecordNumber => _recordNumber;

    /// <summary>
    /// Reports an input record whose values break the contract's rules, before any request: one error that names
    /// the row (for piped input, counting from 1 like the data rows of a CSV file), each field and its rule.
    /// </summary>
    protected void RejectInput(IReadOnlyList<FieldProblem> problems, object target, bool piped)
    {
        OnRecordRejected();
        WriteError(ErrorRecords.Rejected(new CometChatValidationException(problems), target, piped ? _recordNumber : null));
    }

    /// <summary>A problem when <paramref name="role"/> is not one of the app's roles (read once per command).</summary>
    protected FieldProblem? UnknownRole(string? role) => (_knownRoles ??= new KnownRoles(ReadRoles)).Problem(role);

    private IReadOnlyCollection<string>? ReadRoles()
    {
        if ((Context ?? DefaultConnection.Current) is null)
        {
            return null;
        }
        try
        {
            return Await((client, token) => client.ListRolesAsync(1, 100, token)).Items.Select(role => role.Role).ToList();
        }
        catch (CometChatException error)
        {
            WriteVerbose($"Roles could not be read ({error.ErrorCode}); CometChat checks each row's role instead.");
            return null;
        }
    }

    /// <summary>Called when an input record fails before any request is made for it.</summary>
    protected virtual void OnRecordRejected()
    {
    }

    /// <summary>Runs one operation against the connection and waits for it, writing verbose lines meanwhile.</summary>
    protected T Await<T>(Func<CometChatClient, CancellationToken, Task<T>> operation)
    {
        var task = Start(operation);
        WaitFor(task);
        var result = task.GetAwaiter().GetResult();
        NoteAnswered();
        return result;
    }

    /// <summary>
    /// Starts an operation on a worker thread, carrying this command's request observer; with
    /// <paramref name="after"/>, only once that task has finished (however it finished).
    /// </summary>
    internal Task<T> Start<T>(Func<CometChatClient, CancellationToken, Task<T>> operation, Task? after = null)
    {
        var client = Connection.Client;
        var token = StopToken;
        using (RequestObserverScope.Begin(Activity))
        {
            return after is null || after.IsCompleted
                ? Task.Run(() => operation(client, token), token)
                : after.ContinueWith(_ => operation(client, token), token, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>Waits for <paramref name="task"/> to finish; a Ctrl+C ends the wait with PipelineStoppedException.</summary>
    protected internal void WaitFor(Task task) => AsyncBridge.Wait(task, StopToken, PumpVerbose);

    /// <inheritdoc />
    protected override void BetweenSlices() => PumpVerbose();

    /// <summary>Writes the verbose lines that requests queued since the last call.</summary>
    protected void PumpVerbose()
    {
        while (Activity.TryDequeueVerbose(out var line))
        {
            WriteVerbose(line);
        }
        while (Activity.TryDequeueDebug(out var line))
        {
            WriteDebug(line);
        }
    }

    /// <summary>
    /// Reports the failure of one input record as a non-terminating error whose target is that record; failures of
    /// the connection as a whole (a rejected API key, a service that can't be reached at all) stop the command.
    /// </summary>
    protected void WriteFailure(Exception exception, object? target)
    {
        exception = Unwrap(exception);
        if (exception is OperationCanceledException && StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        var record = ErrorRecords.From(exception, target);
        if (ErrorRecords.IsFatal(exception))
        {
            // Every other request would fail the same way: cancel them and stop.
            CancelAll();
            ThrowTerminatingError(record);
        }
        if (_unreachable.Failed(exception) is { } unreachable)
        {
            CancelAll();
            ThrowTerminatingError(ErrorRecords.Unreachable(unreachable, _unreachable.Count, _unreachable.Silence, target));
        }
        if (Preferences.StopOnError(this) && OnStoppingAtError() is { } note)
        {
            record.ErrorDetails = new ErrorDetails($"{record.ErrorDetails?.Message ?? exception.Message} {note}")
            {
                RecommendedAction = record.ErrorDetails?.RecommendedAction,
            };
        }
        WriteError(record);
    }

    /// <summary>Tells the circuit breaker that a request got an answer, so a run of unreachable failures is over.</summary>
    protected void NoteAnswered() => _unreachable.Answered();

    /// <summary>
    /// Called when an error is about to stop the command (-ErrorAction Stop): a chance to deliver the work already
    /// in flight, so nothing applied goes unreported. Returns a sentence to add to the error, or null.
    /// </summary>
    protected virtual string? OnStoppingAtError() => null;

    /// <summary>The innermost meaningful exception of a task failure.</summary>
    protected static Exception Unwrap(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }
        return exception;
    }

    /// <summary>Whether -WhatIf is in force (the switch, or $WhatIfPreference).</summary>
    protected bool IsWhatIf => Preferences.WhatIf(this);

    /// <summary>
    /// ShouldProcess for a prepared request: the -WhatIf/-Confirm text names the action, the target, what else
    /// happens (<paramref name="consequence"/>, e.g. " and move its 3 users to role 'default'"), and the request
    /// exactly as it will be sent (method, path, redacted body). The text is only built when it will be shown. With
    /// <paramref name="force"/> the confirmation prompt is skipped, but -WhatIf still only describes.
    /// </summary>
    protected bool ShouldSend(string action, string target, PreparedRequest request, bool force = false, string? consequence = null)
    {
        if (force && !IsWhatIf)
        {
            return true;
        }
        if (!IsWhatIf && !WouldConfirm())
        {
            return ShouldProcess(target, action);
        }
        var described = RequestPreview.Describe(request);
        return ShouldProcess($"{action} '{target}'{consequence}: {described}", $"{action} '{target}'{consequence}? ({described})", action);
    }

    /// <summary>Whether ShouldProcess will ask: -Confirm, or this cmdlet's impact at or above $ConfirmPreference.</summary>
    private bool WouldConfirm()
    {
        if (MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm))
        {
            return LanguagePrimitives.IsTrue(confirm is SwitchParameter flag ? flag.IsPresent : confirm);
        }
        var impact = ((CmdletAttribute?)Attribute.GetCustomAttribute(GetType(), typeof(CmdletAttribute)))?.ConfirmImpact ?? ConfirmImpact.Medium;
        var preference = GetVariableValue("ConfirmPreference") is { } value && LanguagePrimitives.TryConvertTo(value, out ConfirmImpact level) ? level : ConfirmImpact.High;
        return preference != ConfirmImpact.None && impact >= preference;
    }
}
