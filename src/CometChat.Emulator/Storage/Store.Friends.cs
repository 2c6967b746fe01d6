namespace CometChat.Emulator.Storage;

/// <summary>Outcome for one uid of an add-friends call.</summary>
public enum FriendOutcome
{
    Done,
    NotFound,
    Self,
    AlreadyFriend,
    LimitReached,
}

public sealed partial class Store
{
    /// <summary>At most this many friends per user.</summary>
    public const int MaxFriends = 1000;

    /// <summary>Befriends each target (both ways); null when <paramref name="uid"/> is unknown.</summary>
    public Task<List<(string Target, FriendOutcome Outcome)>?> AddFriendsAsync(string uid, IReadOnlyList<string> targets) =>
        WriteAsync(s =>
        {
            if (s.ActiveUser(uid) is null)
            {
                return ((List<(string, FriendOutcome)>?)null, (StoreState?)null, (IReadOnlyList<SqlWrite>)[]);
            }
            var results = new List<(string, FriendOutcome)>();
            var writes = new List<SqlWrite>();
            var next = s;
            var now = Now;
            foreach (var target in targets.Select(t => t.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
            {
                FriendOutcome outcome;
                if (target == uid)
                {
                    outcome = FriendOutcome.Self;
                }
                else if (next.ActiveUser(target) is null)
                {
                    outcome = FriendOutcome.NotFound;
                }
                else if (next.Friends.GetValueOrDefault(uid)?.ContainsKey(target) == true)
                {
                    outcome = FriendOutcome.AlreadyFriend;
                }
                else if ((next.Friends.GetValueOrDefault(uid)?.Count ?? 0) >= MaxFriends
                    || (next.Friends.GetValueOrDefault(target)?.Count ?? 0) >= MaxFriends)
                {
                    outcome = FriendOutcome.LimitReached;
                }
                else
                {
                    next = next.WithFriend(uid, target, now);
                    writes.Add(StoreSql.UpsertFriend(uid, target, now));
                    outcome = FriendOutcome.Done;
                }
                results.Add((target, outcome));
            }
            return (results, next, writes);
        });

    /// <summary>Ends friendships with the given uids (others are ignored); false when <paramref name="uid"/> is unknown.</summary>
    public Task<bool> RemoveFriendsAsync(string uid, IReadOnlyList<string> targets) =>
        WriteAsync(s =>
        {
            if (s.ActiveUser(uid) is null)
            {
                return (false, (StoreState?)null, (IReadOnlyList<SqlWrite>)[]);
            }
            var writes = new List<SqlWrite>();
            var next = s;
            foreach (var target in targets.Select(t => t.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
            {
                if (next.Friends.GetValueOrDefault(uid)?.ContainsKey(target) == true)
                {
                    next = next.WithoutFriend(uid, target);
                    writes.Add(StoreSql.DeleteFriend(uid, target));
                }
            }
            return (true, next, writes);
        });
}
