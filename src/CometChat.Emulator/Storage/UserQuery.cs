using System.Collections.Immutable;

namespace CometChat.Emulator.Storage;

/// <summary>Filters and paging of <c>GET /users</c> (§7.2).</summary>
public sealed record UserQuery
{
    public int PerPage { get; init; } = 100;

    public int Page { get; init; } = 1;

    /// <summary>Case-insensitive prefix.</summary>
    public string? SearchKey { get; init; }

    public bool SearchInUid { get; init; } = true;

    public bool SearchInName { get; init; } = true;

    /// <summary>True = online only, false = offline only, null = both.</summary>
    public bool? Online { get; init; }

    /// <summary>Users holding any of these roles; empty = any role.</summary>
    public IReadOnlySet<string> Roles { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>Users with any of these tags (case-insensitive); empty = no tag filter.</summary>
    public IReadOnlySet<string> Tags { get; init; } = ImmutableHashSet<string>.Empty;

    public bool WithDeactivated { get; init; }

    public bool OnlyDeactivated { get; init; }

    private bool HasFilter =>
        SearchKey is not null || Online is not null || Roles.Count > 0 || Tags.Count > 0 || OnlyDeactivated;

    /// <summary>Runs the query against a snapshot: the page's users and the true total.</summary>
    public (List<User> Page, int Total) Run(StoreState state)
    {
        var source = WithDeactivated || OnlyDeactivated ? state.AllSorted : state.ActiveSorted;
        var skip = (long)(Page - 1) * PerPage;
        var page = new List<User>(Math.Min(PerPage, 1000));
        if (!HasFilter)
        {
            // Indexable sorted set: jump straight to the page.
            for (var i = skip; i < source.Count && page.Count < PerPage; i++)
            {
                page.Add(source[(int)i]);
            }
            return (page, source.Count);
        }
        var total = 0;
        foreach (var user in source)
        {
            if (!Matches(user))
            {
                continue;
            }
            if (total >= skip && page.Count < PerPage)
            {
                page.Add(user);
            }
            total++;
        }
        return (page, total);
    }

    private bool Matches(User u)
    {
        if (OnlyDeactivated && u.IsActive) return false;
        if (Online is { } online && u.Online != online) return false;
        if (Roles.Count > 0 && !Roles.Contains(u.Role)) return false;
        if (Tags.Count > 0 && (u.Tags is null || !u.Tags.Any(Tags.Contains))) return false;
        if (SearchKey is { } key)
        {
            var hit = (SearchInUid && u.Uid.StartsWith(key, StringComparison.OrdinalIgnoreCase))
                || (SearchInName && u.Name.StartsWith(key, StringComparison.OrdinalIgnoreCase));
            if (!hit) return false;
        }
        return true;
    }
}
