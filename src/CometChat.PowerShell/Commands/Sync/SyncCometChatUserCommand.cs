using CometChat.Client.Sync;

namespace CometChat.PowerShell.Commands;

/// <summary>
/// Makes CometChat equal to a source (an HR export every night, a backup): creates joiners, updates movers with only
/// the fields that changed, reactivates rehires, and deactivates or deletes leavers (-Missing), one action per user
/// and no request for a user that already matches. The whole plan is made before the first write, so -WhatIf shows
/// it and -MaxRemovalCount can stop a truncated source before anything changes.
/// </summary>
[Cmdlet(VerbsData.Sync, "CometChatUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(CometChatUserChange))]
public sealed class SyncCometChatUserCommand : UserSyncCmdlet
{
    private const int BatchSize = 100;
    private readonly HashSet<string> _failed = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    protected override string ProgressActivity => "Syncing CometChat users";

    /// <inheritdoc />
    protected override void OnTooManyRemovals(int removals)
        => ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(TooManyRemovals(removals)),
            "CometChatTooManyRemovals", ErrorCategory.LimitsExceeded, removals));

    /// <inheritdoc />
    protected override void Complete(IReadOnlyList<CometChatUserChange> changes)
    {
        if (IsWhatIf)
        {
            Summary.IsPlan = true;
            CountPlanned(changes);
        }
        // Rehires first, so that their updates find them active; then joiners and movers; then leavers.
        SubmitBatches(changes.Where(c => c.Action == SyncAction.Reactivate).ToList(), reactivate: true);
        WaitForAll();
        foreach (var change in changes.Where(c => (c.Action is SyncAction.Create or SyncAction.Update
            || (c.Action is SyncAction.Reactivate or SyncAction.Deactivate && c.Plan.Update is not null)) && !_failed.Contains(c.Uid)))
        {
            SubmitOne(change);
        }
        SubmitBatches(changes.Where(c => c.Action == SyncAction.Deactivate && c.Plan.Update is null).ToList(), reactivate: false);
        foreach (var change in changes.Where(c => c.Action == SyncAction.Delete))
        {
            SubmitOne(change);
        }
        foreach (var unchanged in changes.Where(c => c.Action == SyncAction.None))
        {
            unchanged.Result = "Unchanged";
            WriteObject(unchanged);
        }
    }

    /// <summary>A create, an update, a delete, or an update followed by a deactivation: one user, one or two requests.</summary>
    private void SubmitOne(CometChatUserChange change)
    {
        var uid = change.Uid;
        var action = change.Action switch
        {
            SyncAction.Create => "Create CometChat user",
            SyncAction.Delete => "Permanently delete CometChat user",
            _ => "Update CometChat user",
        };
        if (ShouldSend(action, uid, change.Request!))
        {
            Submit(change.InputObject ?? uid, uid, (client, token) => ApplyAsync(client, change, token), Report);
        }
    }

    /// <summary>Sends the change's request as the plan built it; a create or update asked to end deactivated is then deactivated.</summary>
    private static async Task<SyncStep> ApplyAsync(CometChatClient client, CometChatUserChange change, CancellationToken token)
    {
        var plan = change.Plan;
        switch (change.Request)
        {
            case PreparedRequest<CometChatUser> create when plan.Action == SyncAction.Create:
                await client.CreateUserAsync(create, plan.Create!, token).ConfigureAwait(false);
                if (!plan.DeactivateAfterCreate)
                {
                    return new SyncStep((change, SyncStep.Created));
                }
                await client.SendAsync(CometChatRequests.DeactivateUsers(new[] { plan.Uid }), token).ConfigureAwait(false);
                return new SyncStep((change, SyncStep.Created), (change, SyncStep.Deactivated));
            case PreparedRequest<CometChatUser> update:
                await client.SendAsync(update, token).ConfigureAwait(false);
                if (plan.Action == SyncAction.Deactivate)
                {
                    await client.SendAsync(CometChatRequests.DeactivateUsers(new[] { plan.Uid }), token).ConfigureAwait(false);
                    return new SyncStep((change, SyncStep.Deactivated));
                }
                // A rehire was reactivated in a batch before this update; it is reported once both are done.
                return new SyncStep((change, plan.Action == SyncAction.Reactivate ? SyncStep.Reactivated : SyncStep.Updated));
            case PreparedRequest<bool> delete:
                await client.SendAsync(delete, token).ConfigureAwait(false);
                return new SyncStep((change, SyncStep.Deleted));
            default:
                throw new InvalidOperationException($"No request was planned for {plan.Action} {plan.Uid}.");
        }
    }

    /// <summary>Reactivations or deactivations, 100 users a request; each user is reported on its own.</summary>
    private void SubmitBatches(List<CometChatUserChange> changes, bool reactivate)
    {
        var action = reactivate ? "Reactivate CometChat user" : "Deactivate CometChat user";
        var wanted = changes.Where(change => ShouldSend(action, change.Uid, Batch(new[] { change.Uid }, reactivate))).ToList();
        for (var start = 0; start < wanted.Count; start += BatchSize)
        {
            var batch = wanted.Skip(start).Take(BatchSize).ToList();
            var uids = batch.Select(change => change.Uid).ToList();
            var request = Batch(uids, reactivate);
            Submit(null, null, async (client, token) => BatchOutcome(batch, await client.SendAsync(request, token).ConfigureAwait(false), reactivate), Report, failure =>
            {
                // The whole request failed: every user in it failed, each reported against its own row.
                foreach (var change in batch)
                {
                    Fail(change, failure);
                }
                return true;
            });
        }
    }

    private static PreparedRequest<BulkStateResult> Batch(IEnumerable<string> uids, bool reactivate)
        => reactivate ? CometChatRequests.ReactivateUsers(uids) : CometChatRequests.DeactivateUsers(uids);

    private SyncStep BatchOutcome(List<CometChatUserChange> batch, BulkStateResult result, bool reactivate)
    {
        var done = new HashSet<string>(result.Changed.Concat(result.Unchanged), StringComparer.OrdinalIgnoreCase);
        var step = new SyncStep();
        foreach (var change in batch.Where(change => done.Contains(change.Uid)))
        {
            // A rehire whose fields differ is reported once its update is done too.
            if (!(reactivate && change.Plan.Update is not null))
            {
                step.Outcomes.Add((change, reactivate ? SyncStep.Reactivated : SyncStep.Deactivated));
            }
        }
        step.NotFound = batch.Where(change => !done.Contains(change.Uid)).ToList();
        return step;
    }

    private void Report(SyncStep step)
    {
        foreach (var (change, outcome) in step.Outcomes)
        {
            if (change.Result is null || outcome != SyncStep.Deactivated || change.Action == SyncAction.Deactivate)
            {
                change.Result = outcome;
            }
        }
        foreach (var change in step.Outcomes.Select(o => o.Change).Distinct())
        {
            WriteObject(change);
        }
        foreach (var missing in step.NotFound)
        {
            Fail(missing, new CometChatApiException(404, ErrorCodes.UidNotFound,
                $"The UID {missing.Uid} does not exist, please make sure you have created a user with UID {missing.Uid}.", null, null));
        }
    }

    private void Fail(CometChatUserChange change, Exception failure)
    {
        change.Result = "Failed";
        _failed.Add(change.Uid);
        CountFailure();
        WriteFailure(failure, change.InputObject ?? change.Uid);
    }
}
