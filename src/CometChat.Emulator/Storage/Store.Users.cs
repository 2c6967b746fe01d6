namespace CometChat.Emulator.Storage;

/// <summary>Outcome of a user write.</summary>
public enum UserWriteStatus
{
    Done,
    UidExists,
    NotFound,
    RoleNotFound,
    AlreadyDeactivated,
}

/// <summary>Bucketed outcome of a bulk call: uids changed, uids already in the target state, uids not found.</summary>
public sealed record BulkResult(List<string> Changed, List<string> Unchanged, List<string> NotFound);

public sealed partial class Store
{
    /// <summary>Creates a user, and a first auth token when asked (create with <c>withAuthToken</c>).</summary>
    public Task<(UserWriteStatus Status, User? User, AuthToken? Token)> CreateUserAsync(User candidate, bool withAuthToken) =>
        WriteAsync<(UserWriteStatus, User?, AuthToken?)>(s =>
        {
            // A deactivated user still holds its uid (#3).
            if (s.Users.ContainsKey(candidate.Uid))
            {
                return ((UserWriteStatus.UidExists, null, null), null, []);
            }
            if (!s.Roles.ContainsKey(candidate.Role))
            {
                return ((UserWriteStatus.RoleNotFound, null, null), null, []);
            }
            var user = candidate with { CreatedAt = Now };
            var next = s.WithUser(null, user);
            var writes = new List<SqlWrite> { StoreSql.UpsertUser(user) };
            AuthToken? token = null;
            if (withAuthToken)
            {
                (next, token) = AddToken(next, user.Uid, writes);
            }
            return ((UserWriteStatus.Done, user, token), next, writes);
        });

    /// <summary>Applies an update to an active user; <paramref name="role"/>, when given, must exist (#8).</summary>
    public Task<(UserWriteStatus Status, User? User)> UpdateUserAsync(string uid, string? role, Func<User, long, User> apply) =>
        WriteAsync<(UserWriteStatus, User?)>(s =>
        {
            var old = s.ActiveUser(uid);
            if (old is null)
            {
                return ((UserWriteStatus.NotFound, null), null, []);
            }
            if (role is not null && !s.Roles.ContainsKey(role))
            {
                return ((UserWriteStatus.RoleNotFound, null), null, []);
            }
            var now = Now;
            var user = apply(old, now) with { Uid = old.Uid, UpdatedAt = now };
            return ((UserWriteStatus.Done, user), s.WithUser(old, user), [StoreSql.UpsertUser(user)]);
        });

    /// <summary>Deactivates one user (delete without <c>permanent</c>).</summary>
    public Task<UserWriteStatus> DeactivateUserAsync(string uid) =>
        WriteAsync(s =>
        {
            if (!s.Users.TryGetValue(uid, out var old))
            {
                return (UserWriteStatus.NotFound, (StoreState?)null, (IReadOnlyList<SqlWrite>)[]);
            }
            if (!old.IsActive)
            {
                return (UserWriteStatus.AlreadyDeactivated, null, []);
            }
            var user = old with { DeactivatedAt = Now };
            return (UserWriteStatus.Done, s.WithUser(old, user), [StoreSql.UpsertUser(user)]);
        });

    /// <summary>Removes a user, their tokens and their block relations (#9).</summary>
    public Task<UserWriteStatus> DeleteUserAsync(string uid) =>
        WriteAsync(s =>
        {
            if (!s.Users.TryGetValue(uid, out var old))
            {
                return (UserWriteStatus.NotFound, (StoreState?)null, (IReadOnlyList<SqlWrite>)[]);
            }
            var next = s.WithUser(old, null) with { Tokens = s.Tokens.Remove(uid) };
            foreach (var blocked in s.Blocked.GetValueOrDefault(uid)?.Keys ?? [])
            {
                next = next.WithoutBlock(uid, blocked);
            }
            foreach (var blocker in s.BlockedBy.GetValueOrDefault(uid)?.Keys ?? [])
            {
                next = next.WithoutBlock(blocker, uid);
            }
            foreach (var friend in s.Friends.GetValueOrDefault(uid)?.Keys ?? [])
            {
                next = next.WithoutFriend(uid, friend);
            }
            return (UserWriteStatus.Done, next, StoreSql.DeleteUser(uid).ToList());
        });

    /// <summary>Bulk deactivate (<c>DELETE /users</c>) or reactivate (<c>PUT /users</c>).</summary>
    public Task<BulkResult> SetActiveManyAsync(IReadOnlyList<string> uids, bool active) =>
        WriteAsync(s =>
        {
            var result = new BulkResult([], [], []);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var writes = new List<SqlWrite>();
            var next = s;
            var now = Now;
            foreach (var sent in uids)
            {
                var uid = sent.ToLowerInvariant();
                if (!seen.Add(uid))
                {
                    continue;
                }
                if (!next.Users.TryGetValue(uid, out var old))
                {
                    result.NotFound.Add(sent); // echoed as sent, as the live API does
                    continue;
                }
                if (old.IsActive == active)
                {
                    result.Unchanged.Add(uid);
                    continue;
                }
                var user = old with { DeactivatedAt = active ? null : now };
                next = next.WithUser(old, user);
                writes.Add(StoreSql.UpsertUser(user));
                result.Changed.Add(uid);
            }
            return (result, next, writes);
        });

    /// <summary>Marks users online or offline (admin presence endpoint).</summary>
    public Task<BulkResult> SetPresenceAsync(IReadOnlyList<string> uids, bool online, long lastActiveAt) =>
        WriteAsync(s =>
        {
            var result = new BulkResult([], [], []);
            var writes = new List<SqlWrite>();
            var next = s;
            foreach (var sent in uids.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var uid = sent.ToLowerInvariant();
                if (!next.Users.TryGetValue(uid, out var old))
                {
                    result.NotFound.Add(sent);
                    continue;
                }
                var user = old with { Online = online, LastActiveAt = lastActiveAt };
                next = next.WithUser(old, user);
                writes.Add(StoreSql.UpsertUser(user));
                result.Changed.Add(uid);
            }
            return (result, next, writes);
        });

    /// <summary>Imports users as given (timestamps included); each one succeeds or fails on its own.</summary>
    public Task<List<(User User, UserWriteStatus Status)>> ImportUsersAsync(IReadOnlyList<User> users) =>
        WriteAsync(s =>
        {
            var results = new List<(User, UserWriteStatus)>();
            var writes = new List<SqlWrite>();
            var next = s;
            foreach (var user in users)
            {
                var status = next.Users.ContainsKey(user.Uid) ? UserWriteStatus.UidExists
                    : !next.Roles.ContainsKey(user.Role) ? UserWriteStatus.RoleNotFound
                    : UserWriteStatus.Done;
                if (status == UserWriteStatus.Done)
                {
                    next = next.WithUser(null, user);
                    writes.Add(StoreSql.UpsertUser(user));
                }
                results.Add((user, status));
            }
            return (results, next, writes);
        });
}
