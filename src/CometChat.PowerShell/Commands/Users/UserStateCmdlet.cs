namespace CometChat.PowerShell.Commands;

/// <summary>
/// Shared by Disable- and Enable-CometChatUser: piped uids are gathered into batches, each sent as one bulk request,
/// and every uid is reported in input order: changed, already in that state, or an ERR_UID_NOT_FOUND error.
/// </summary>
public abstract class UserStateCmdlet : UserBulkCmdlet<BulkStateResult>
{
    private List<(string Uid, object Target)> _batch = new();

    // Recent uids of this command's input, so a uid given twice is changed and reported once.
    private readonly RecentUids _seen = new(4096);

    /// <summary>Uids per bulk request (default 100).</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>The ShouldProcess action, e.g. "Deactivate CometChat user".</summary>
    protected abstract string Action { get; }


    /// <summary>Words for a changed and an unchanged uid.</summary>
    protected abstract (string Changed, string Unchanged) ResultNames { get; }

    /// <summary>Whether the confirmation prompt is skipped.</summary>
    protected abstract bool SkipConfirmation { get; }

    /// <summary>The bulk request for <paramref name="uids"/>: one uid's for -WhatIf, a batch's to send.</summary>
    protected abstract PreparedRequest<BulkStateResult> Prepare(IEnumerable<string> uids);

    /// <inheritdoc />
    protected override void CountSuccess(BulkStateResult result)
    {
        Summary.Changed += result.Changed.Count;
        Summary.Skipped += result.Unchanged.Count;
        Summary.Failed += result.NotFound.Count;
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var (uid, target) in UidsOf(Uid, InputObject))
        {
            if (_seen.TryGetValue(uid, out _))
            {
                WriteVerbose($"User '{uid}' is already in this command's input; it is reported once.");
                continue;
            }
            _seen.Add(uid, RecordNumber);
            if (!ShouldSend(Action, uid, Prepare(new[] { uid }), SkipConfirmation))
            {
                continue;
            }
            _batch.Add((uid, target));
            if (_batch.Count >= BatchSize)
            {
                SubmitBatch();
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_batch.Count > 0)
        {
            SubmitBatch();
        }
        base.EndProcessing();
    }

    private void SubmitBatch()
    {
        var batch = _batch;
        _batch = new List<(string, object)>();
        var uids = batch.Select(entry => entry.Uid).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var request = Prepare(uids);
        Submit(null, null, (client, token) => client.SendAsync(request, token), result => Report(batch, result), failure =>
        {
            // The whole request failed: every uid in it failed, each reported against its own row.
            foreach (var (_, target) in batch)
            {
                Summary.Failed++;
                WriteFailure(failure, target);
            }
            return true;
        });
    }

    private void Report(List<(string Uid, object Target)> batch, BulkStateResult result)
    {
        var changed = new HashSet<string>(result.Changed, StringComparer.OrdinalIgnoreCase);
        var unchanged = new HashSet<string>(result.Unchanged, StringComparer.OrdinalIgnoreCase);
        var (changedName, unchangedName) = ResultNames;
        foreach (var (uid, target) in batch)
        {
            if (changed.Contains(uid))
            {
                WriteObject(new UserStateChange(uid.ToLowerInvariant(), changedName));
            }
            else if (unchanged.Contains(uid))
            {
                WriteObject(new UserStateChange(uid.ToLowerInvariant(), unchangedName));
            }
            else
            {
                WriteFailure(new CometChatApiException(404, ErrorCodes.UidNotFound,
                    $"The UID {uid.ToLowerInvariant()} does not exist, please make sure you have created a user with UID {uid.ToLowerInvariant()}.", null, null), target);
            }
        }
    }
}
