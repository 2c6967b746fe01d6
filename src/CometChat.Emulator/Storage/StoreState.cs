using System.Collections.Immutable;

namespace CometChat.Emulator.Storage;

/// <summary>
/// One consistent snapshot of all data. Immutable, so readers use it without locks while a writer builds the
/// next one. The sorted sets are indexable, so a page of an unfiltered list costs O(perPage · log n).
/// </summary>
public sealed record StoreState
{
    public ImmutableDictionary<string, User> Users { get; init; } = ImmutableDictionary<string, User>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>All users in list order.</summary>
    public ImmutableSortedSet<User> AllSorted { get; init; } = ImmutableSortedSet<User>.Empty.WithComparer(UserOrder.Instance);

    /// <summary>Active users in list order (the default list).</summary>
    public ImmutableSortedSet<User> ActiveSorted { get; init; } = ImmutableSortedSet<User>.Empty.WithComparer(UserOrder.Instance);

    public ImmutableDictionary<string, Role> Roles { get; init; } = ImmutableDictionary<string, Role>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Tokens per uid, oldest first.</summary>
    public ImmutableDictionary<string, ImmutableList<AuthToken>> Tokens { get; init; } =
        ImmutableDictionary<string, ImmutableList<AuthToken>>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>blocker → (blocked → blocked-at).</summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, long>> Blocked { get; init; } =
        ImmutableDictionary<string, ImmutableDictionary<string, long>>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>blocked → (blocker → blocked-at), the reverse index of <see cref="Blocked"/>.</summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, long>> BlockedBy { get; init; } =
        ImmutableDictionary<string, ImmutableDictionary<string, long>>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>uid → (friend → since); symmetric: each friendship is stored under both uids.</summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, long>> Friends { get; init; } =
        ImmutableDictionary<string, ImmutableDictionary<string, long>>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Next token sequence number.</summary>
    public long NextTokenSequence { get; init; } = 1;

    /// <summary>An active user, or null.</summary>
    public User? ActiveUser(string uid) => Users.TryGetValue(uid, out var u) && u.IsActive ? u : null;

    /// <summary>Replaces <paramref name="old"/> with <paramref name="next"/> (either may be null) in every index.</summary>
    public StoreState WithUser(User? old, User? next)
    {
        var users = Users;
        var all = AllSorted;
        var active = ActiveSorted;
        if (old is not null)
        {
            users = users.Remove(old.Uid);
            all = all.Remove(old);
            active = active.Remove(old);
        }
        if (next is not null)
        {
            users = users.SetItem(next.Uid, next);
            all = all.Add(next);
            if (next.IsActive)
            {
                active = active.Add(next);
            }
        }
        return this with { Users = users, AllSorted = all, ActiveSorted = active };
    }

    /// <summary>The time <paramref name="blocker"/> blocked <paramref name="blocked"/>, or null.</summary>
    public long? BlockedAt(string blocker, string blocked) =>
        Blocked.TryGetValue(blocker, out var map) && map.TryGetValue(blocked, out var at) ? at : null;

    /// <summary>Adds a block relation.</summary>
    public StoreState WithBlock(string blocker, string blocked, long at) => this with
    {
        Blocked = Blocked.SetItem(blocker, Blocked.GetValueOrDefault(blocker, Empty).SetItem(blocked, at)),
        BlockedBy = BlockedBy.SetItem(blocked, BlockedBy.GetValueOrDefault(blocked, Empty).SetItem(blocker, at)),
    };

    /// <summary>Removes a block relation.</summary>
    public StoreState WithoutBlock(string blocker, string blocked) => this with
    {
        Blocked = Shrink(Blocked, blocker, blocked),
        BlockedBy = Shrink(BlockedBy, blocked, blocker),
    };

    /// <summary>Adds a friendship both ways.</summary>
    public StoreState WithFriend(string a, string b, long since) => this with
    {
        Friends = Friends
            .SetItem(a, Friends.GetValueOrDefault(a, Empty).SetItem(b, since))
            .SetItem(b, Friends.GetValueOrDefault(b, Empty).SetItem(a, since)),
    };

    /// <summary>Removes a friendship both ways.</summary>
    public StoreState WithoutFriend(string a, string b) => this with { Friends = Shrink(Shrink(Friends, a, b), b, a) };

    private static readonly ImmutableDictionary<string, long> Empty =
        ImmutableDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal);

    private static ImmutableDictionary<string, ImmutableDictionary<string, long>> Shrink(
        ImmutableDictionary<string, ImmutableDictionary<string, long>> index, string key, string item)
    {
        if (!index.TryGetValue(key, out var map))
        {
            return index;
        }
        map = map.Remove(item);
        return map.IsEmpty ? index.Remove(key) : index.SetItem(key, map);
    }
}
