using CometChat.Client.Validation;

namespace CometChat.PowerShell.Commands;

/// <summary>
/// Shared by the cmdlets that change relations between users (block, unblock, add and remove friends): for each
/// user of an input record, one request naming the other users, one result object per other user, and an error
/// for each one CometChat refused, targeting the input record.
/// </summary>
public abstract class RelationChangeCmdlet : UserBulkCmdlet<IReadOnlyDictionary<string, ActionResult>>
{
    /// <summary>The other users, as given to the subclass's parameter (-BlockedUid, -FriendUid).</summary>
    protected abstract string[]? OtherUids { get; }

    /// <summary>The name of that parameter, e.g. "BlockedUid".</summary>
    protected abstract string OtherUidsParameter { get; }

    /// <summary>The request body's field, e.g. "blockedUids", for messages and -WhatIf.</summary>
    protected abstract string BodyField { get; }

    /// <summary>The ShouldProcess action, e.g. "Block users for CometChat user".</summary>
    protected abstract string Action { get; }


    /// <summary>
    /// The relation a piped object of this module stands for, when piped without the other users: a block from
    /// Get-CometChatBlockedUser is (BlockedBy, Uid). Null for any other object.
    /// </summary>
    protected abstract (string Uid, string Other)? RelationOf(object piped);

    /// <summary>The request that changes the relations of <paramref name="uid"/> with <paramref name="others"/>.</summary>
    protected abstract PreparedRequest<IReadOnlyDictionary<string, ActionResult>> Prepare(string uid, List<string> others);

    /// <summary>The output object for one other user whose relation changed.</summary>
    protected abstract object Changed(string uid, string other, ActionResult result);

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
        var (uids, others) = UsersOfRecord();
        foreach (var uid in uids)
        {
            object target = InputObject ?? (object)uid;
            var request = Prepare(uid, others);
            var problems = request.Problems.ToList();
            if (others.Count == 0)
            {
                problems.Add(new FieldProblem(BodyField, $"The {BodyField} field is required: give -{OtherUidsParameter}, the users whose relation with this user changes."));
            }
            if (problems.Count > 0)
            {
                RejectInput(problems, target, InputObject is not null);
                continue;
            }
            if (ShouldSend(Action, uid, request))
            {
                Submit(target, uid, (client, token) => client.SendAsync(request, token), results => Report(uid, others, results, target));
            }
        }
    }

    /// <summary>
    /// Whose relations change, with whom, for this record. An object of this module stands for its user (its Uid),
    /// except that a relation object piped without the other users (a block, a friend) stands for the relation.
    /// </summary>
    private (IReadOnlyList<string> Uids, List<string> Others) UsersOfRecord()
    {
        if (InputObject?.BaseObject is { } piped && !GivenOnCommandLine(OtherUidsParameter) && RelationOf(piped) is { } relation)
        {
            return (new[] { relation.Uid }, new List<string> { relation.Other });
        }
        return (Uid, InputConversion.UidList(OtherUids));
    }

    private void Report(string uid, List<string> others, IReadOnlyDictionary<string, ActionResult> results, object target)
    {
        var byUid = new Dictionary<string, ActionResult>(results.ToDictionary(p => p.Key, p => p.Value), StringComparer.OrdinalIgnoreCase);
        foreach (var other in others.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (byUid.TryGetValue(other, out var result) && result.Success)
            {
                WriteObject(Changed(uid.ToLowerInvariant(), other.ToLowerInvariant(), result));
                continue;
            }
            var code = result?.Code ?? (result is null ? ErrorCodes.NoResult : ErrorCodes.BadRequest);
            var message = result?.Message ?? $"CometChat gave no result for uid {other}.";
            WriteFailure(new CometChatApiException(code.EndsWith("_NOT_FOUND", StringComparison.Ordinal) ? 404 : 400, code, message, null, null), target);
        }
    }
}
