namespace CometChat.Emulator.Storage;

/// <summary>Outcome for one target uid of a block or unblock call.</summary>
public enum BlockOutcome
{
    Done,
    NotFound,
    Self,
}

public sealed partial class Store
{
    /// <summary>
    /// Blocks (or unblocks) each target for <paramref name="uid"/>; null when <paramref name="uid"/> is unknown.
    /// Results are keyed by lowercased target uid, in request order.
    /// </summary>
    public Task<List<(string Target, BlockOutcome Outcome)>?> SetBlockedAsync(string uid, IReadOnlyList<string> targets, bool block) =>
        WriteAsync(s =>
        {
            if (s.ActiveUser(uid) is null)
            {
                return ((List<(string, BlockOutcome)>?)null, (StoreState?)null, (IReadOnlyList<SqlWrite>)[]);
            }
            var results = new List<(string, BlockOutcome)>();
            var writes = new List<SqlWrite>();
            var next = s;
            var now = Now;
            foreach (var target in targets.Select(t => t.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
            {
                if (target == uid)
                {
                    results.Add((target, BlockOutcome.Self));
                }
                else if (next.ActiveUser(target) is null)
                {
                    results.Add((target, BlockOutcome.NotFound));
                }
                else
                {
                    var already = next.BlockedAt(uid, target);
                    if (block && already is null)
                    {
                        next = next.WithBlock(uid, target, now);
                        writes.Add(StoreSql.UpsertBlock(uid, target, now));
                    }
                    else if (!block && already is not null)
                    {
                        next = next.WithoutBlock(uid, target);
                        writes.Add(StoreSql.DeleteBlock(uid, target));
                    }
                    results.Add((target, BlockOutcome.Done));
                }
            }
            return (results, next, writes);
        });
}
