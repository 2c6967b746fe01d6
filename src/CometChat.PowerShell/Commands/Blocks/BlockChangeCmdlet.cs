using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CometChat.Client;
using CometChat.Client.Errors;
using CometChat.Client.Models;
using CometChat.Client.Validation;
using CometChat.PowerShell.Infrastructure;

namespace CometChat.PowerShell.Commands;

/// <summary>
/// Shared by Block- and Unblock-CometChatUser: one request per input record (a blocker and its targets), one
/// result object per target, and an error for each target CometChat refused, targeting the input record.
/// </summary>
public abstract class BlockChangeCmdlet : CometChatBulkCmdlet<IReadOnlyDictionary<string, ActionResult>>
{
    /// <summary>The user who blocks: a uid, or any object with a Uid property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("UserId", "Id")]
    [UidTransformation]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(Completion.UidCompleter))]
    public string Uid { get; set; } = string.Empty;

    /// <summary>The users to block or unblock; a CSV cell may hold several as <c>a;b</c>.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("BlockedUids", "Target")]
    [ArgumentCompleter(typeof(Completion.UidCompleter))]
    public string[] BlockedUid { get; set; } = Array.Empty<string>();

    /// <summary>The piped record, kept as the target of its error.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>Blocking (true) or unblocking.</summary>
    protected abstract bool Blocking { get; }

    /// <inheritdoc />
    protected override void CountSuccess(IReadOnlyDictionary<string, ActionResult> result)
    {
        Summary.Changed += result.Values.Count(r => r.Success);
        Summary.Failed += result.Values.Count(r => !r.Success);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        BeginRecord();
        object target = InputObject ?? (object)Uid;
        var uid = Uid;
        var targets = InputConversion.Tags(BlockedUid) ?? new List<string>();
        var problems = new List<FieldProblem>();
        if (InputRules.Identifier("uid", uid) is { } badUid)
        {
            problems.Add(badUid);
        }
        if (targets.Count == 0)
        {
            problems.Add(new FieldProblem("blockedUids", "The blockedUids field is required: give at least one uid to block or unblock."));
        }
        for (var i = 0; i < targets.Count; i++)
        {
            if (InputRules.Identifier($"blockedUids.{i}", targets[i]) is { } badTarget)
            {
                problems.Add(badTarget);
            }
        }
        if (problems.Count > 0)
        {
            RejectInput(problems, target, InputObject is not null);
            return;
        }
        var action = Blocking ? "Block users for CometChat user" : "Unblock users for CometChat user";
        var path = "/users/" + Uri.EscapeDataString(uid) + "/blockedusers";
        if (!ShouldSend(action, uid, Blocking ? "POST" : "DELETE", path, new { blockedUids = targets }))
        {
            return;
        }
        var blocking = Blocking;
        Submit(target, uid,
            (client, token) => blocking ? client.BlockUsersAsync(uid, targets, token) : client.UnblockUsersAsync(uid, targets, token),
            results => Report(uid, targets, results, target));
    }

    private void Report(string uid, List<string> targets, IReadOnlyDictionary<string, ActionResult> results, object target)
    {
        var byUid = new Dictionary<string, ActionResult>(results.ToDictionary(p => p.Key, p => p.Value), StringComparer.OrdinalIgnoreCase);
        foreach (var blocked in targets.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (byUid.TryGetValue(blocked, out var result) && result.Success)
            {
                WriteObject(new BlockChange(uid.ToLowerInvariant(), blocked.ToLowerInvariant(), Blocking ? "Blocked" : "Unblocked", result.Message));
                continue;
            }
            var code = result?.Code ?? (result is null ? "ERR_NO_RESULT" : "ERR_BAD_REQUEST");
            var message = result?.Message ?? $"CometChat gave no result for uid {blocked}.";
            WriteFailure(new CometChatApiException(code.EndsWith("_NOT_FOUND", StringComparison.Ordinal) ? 404 : 400, code, message, null, null), target);
        }
    }
}
