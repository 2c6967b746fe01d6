using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CometChat.Client;
using CometChat.Client.Errors;
using CometChat.Client.Http;
using CometChat.Client.Validation;

namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// Base of the cmdlets that talk to CometChat: resolves the connection (<c>-Context</c> or the runspace default),
/// runs requests off the pipeline thread while writing their verbose lines on it, cancels them on Ctrl+C, and turns
/// failures into error records.
/// </summary>
public abstract class CometChatCmdlet : PSCmdlet
{
    internal static readonly TimeSpan PumpInterval = TimeSpan.FromMilliseconds(100);
    private readonly CancellationTokenSource _stopping = new();
    private RequestActivity? _activity;
    private CometChatContext? _connection;
    private HashSet<string> _givenOnCommandLine = new(StringComparer.OrdinalIgnoreCase);
    private HashSet<string>? _knownRoles;
    private int _recordNumber;

    /// <summary>The connection to use instead of the default one (see Connect-CometChat -PassThru).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(Completion.ContextCompleter))]
    public CometChatContext? Context { get; set; }

    /// <summary>Cancelled when the user presses Ctrl+C.</summary>
    protected CancellationToken StopToken => _stopping.Token;

    internal RequestActivity Activity => _activity ??= new RequestActivity(IsVerboseEnabled(), IsDebugWanted());

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
            return _connection!;
        }
    }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        // Before the first record, BoundParameters holds only what the command line gave.
        _givenOnCommandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Whether <paramref name="parameterName"/> was given on the command line (not bound from the pipeline).</summary>
    protected bool GivenOnCommandLine(string parameterName) => _givenOnCommandLine.Contains(parameterName);

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

    /// <summary>
    /// A problem when <paramref name="role"/> is not one of the app's roles. The roles are read once per command
    /// (an app has at most 25); when they can't be read (an Auth Only key, no connection) the service decides.
    /// </summary>
    protected FieldProblem? UnknownRole(string? role)
    {
        if (role is null)
        {
            return null;
        }
        _knownRoles ??= ReadRoles();
        return _knownRoles.Count == 0 || _knownRoles.Contains(role)
            ? null
            : new FieldProblem("role", $"The role {role} does not exist. Use one of: {string.Join(", ", _knownRoles.OrderBy(r => r, StringComparer.Ordinal))}; or create it first with New-CometChatRole.", InputRules.RoleNotFound);
    }

    private HashSet<string> ReadRoles()
    {
        var roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if ((Context ?? DefaultConnection.Current) is null)
        {
            return roles;
        }
        try
        {
            foreach (var role in Await((client, token) => client.ListRolesAsync(1, 100, token)).Items)
            {
                roles.Add(role.Role);
            }
        }
        catch (CometChatException error)
        {
            WriteVerbose($"Roles could not be read ({error.ErrorCode}); CometChat checks each row's role instead.");
            roles.Clear();
        }
        return roles;
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
        return task.GetAwaiter().GetResult();
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
    protected internal void WaitFor(Task task)
    {
        while (!task.IsCompleted)
        {
            WaitBriefly(task);
            PumpVerbose();
        }
        PumpVerbose();
    }

    /// <summary>Waits up to one pump interval for <paramref name="task"/>; throws when the command is stopped.</summary>
    internal void WaitBriefly(Task task)
    {
        try
        {
            task.Wait((int)PumpInterval.TotalMilliseconds, StopToken);
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
    /// the connection as a whole (a rejected API key) stop the command.
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
            _stopping.Cancel();
            ThrowTerminatingError(record);
        }
        WriteError(record);
    }

    /// <summary>The innermost meaningful exception of a task failure.</summary>
    protected static Exception Unwrap(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }
        return exception;
    }

    /// <summary>Whether debug lines would be shown (-Debug, or $DebugPreference other than SilentlyContinue/Ignore).</summary>
    private bool IsDebugWanted()
    {
        if (MyInvocation.BoundParameters.TryGetValue("Debug", out var debug))
        {
            return debug is SwitchParameter flag ? flag.IsPresent : LanguagePrimitives.IsTrue(debug);
        }
        return GetVariableValue("DebugPreference") is ActionPreference preference
            && preference is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore);
    }

    /// <summary>Whether -WhatIf is in force (the switch, or $WhatIfPreference).</summary>
    protected bool IsWhatIf
    {
        get
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf))
            {
                return whatIf is SwitchParameter flag ? flag.IsPresent : LanguagePrimitives.IsTrue(whatIf);
            }
            return LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
        }
    }

    /// <summary>
    /// ShouldProcess for a request: the -WhatIf/-Confirm text names the action, the target, and the request
    /// (method, path, redacted body). With <paramref name="force"/> the confirmation prompt is skipped, but
    /// -WhatIf still only describes.
    /// </summary>
    protected bool ShouldSend(string action, string target, string method, string path, object? body, bool force = false)
    {
        if (force && !IsWhatIf)
        {
            return true;
        }
        var request = RequestPreview.Describe(method, path, body);
        return ShouldProcess($"{action} '{target}': {request}", $"{action} '{target}'? ({request})", action);
    }

    private bool IsVerboseEnabled()
    {
        if (MyInvocation.BoundParameters.TryGetValue("Verbose", out var verbose))
        {
            return verbose is SwitchParameter flag ? flag.IsPresent : LanguagePrimitives.IsTrue(verbose);
        }
        return GetVariableValue("VerbosePreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue;
    }
}
