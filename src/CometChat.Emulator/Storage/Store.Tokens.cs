using System.Collections.Immutable;

namespace CometChat.Emulator.Storage;

public sealed partial class Store
{
    /// <summary>
    /// Without <paramref name="force"/> returns the newest token if there is one; otherwise creates one (#10).
    /// Null when the user is unknown or deactivated.
    /// </summary>
    public Task<AuthToken?> CreateTokenAsync(string uid, bool force) =>
        WriteAsync(s =>
        {
            if (s.ActiveUser(uid) is null)
            {
                return ((AuthToken?)null, (StoreState?)null, (IReadOnlyList<SqlWrite>)[]);
            }
            if (!force && s.Tokens.TryGetValue(uid, out var existing) && existing.Count > 0)
            {
                return (existing[^1], null, []);
            }
            var writes = new List<SqlWrite>();
            var (next, token) = AddToken(s, uid, writes);
            return (token, next, writes);
        });

    /// <summary>Changes the device fields of one token; null when the user or token is unknown.</summary>
    public Task<AuthToken?> UpdateTokenAsync(string uid, string token, Func<AuthToken, AuthToken> apply) =>
        WriteAsync(s =>
        {
            var list = s.ActiveUser(uid) is null ? null : s.Tokens.GetValueOrDefault(uid);
            var index = list?.FindIndex(t => t.Token == token) ?? -1;
            if (list is null || index < 0)
            {
                return ((AuthToken?)null, (StoreState?)null, (IReadOnlyList<SqlWrite>)[]);
            }
            var updated = apply(list[index]) with { UpdatedAt = Now };
            var next = s with { Tokens = s.Tokens.SetItem(uid, list.SetItem(index, updated)) };
            return (updated, next, [StoreSql.UpsertToken(updated)]);
        });

    /// <summary>Deletes one token; false when the user or token is unknown.</summary>
    public Task<bool> DeleteTokenAsync(string uid, string token) =>
        WriteAsync(s =>
        {
            var list = s.ActiveUser(uid) is null ? null : s.Tokens.GetValueOrDefault(uid);
            var index = list?.FindIndex(t => t.Token == token) ?? -1;
            if (list is null || index < 0)
            {
                return (false, (StoreState?)null, (IReadOnlyList<SqlWrite>)[]);
            }
            var rest = list.RemoveAt(index);
            var next = s with { Tokens = rest.IsEmpty ? s.Tokens.Remove(uid) : s.Tokens.SetItem(uid, rest) };
            return (true, next, [StoreSql.DeleteToken(token)]);
        });

    /// <summary>Deletes all tokens of a user; false when the user is unknown.</summary>
    public Task<bool> FlushTokensAsync(string uid) =>
        WriteAsync(s =>
        {
            if (s.ActiveUser(uid) is null)
            {
                return (false, (StoreState?)null, (IReadOnlyList<SqlWrite>)[]);
            }
            return (true, s with { Tokens = s.Tokens.Remove(uid) }, [StoreSql.DeleteTokensOf(uid)]);
        });

    /// <summary>Adds a new token, dropping the oldest beyond the per-user limit.</summary>
    private (StoreState Next, AuthToken Token) AddToken(StoreState s, string uid, List<SqlWrite> writes)
    {
        var now = Now;
        var token = new AuthToken
        {
            Uid = uid,
            Token = AuthToken.NewToken(uid, now),
            CreatedAt = now,
            Sequence = s.NextTokenSequence,
        };
        var list = s.Tokens.GetValueOrDefault(uid, ImmutableList<AuthToken>.Empty);
        while (list.Count >= AuthToken.MaxPerUser)
        {
            writes.Add(StoreSql.DeleteToken(list[0].Token));
            list = list.RemoveAt(0);
        }
        list = list.Add(token);
        writes.Add(StoreSql.UpsertToken(token));
        return (s with { Tokens = s.Tokens.SetItem(uid, list), NextTokenSequence = s.NextTokenSequence + 1 }, token);
    }
}
