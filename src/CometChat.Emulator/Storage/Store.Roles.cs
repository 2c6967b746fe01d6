namespace CometChat.Emulator.Storage;

/// <summary>Outcome of a role write.</summary>
public enum RoleWriteStatus
{
    Done,
    Exists,
    TooMany,
    NotFound,
    DeleteDenied,
}

public sealed partial class Store
{
    /// <summary>Creates a role; at most <see cref="Roles.MaxRoles"/> per app.</summary>
    public Task<(RoleWriteStatus Status, Role? Role)> CreateRoleAsync(Role candidate) =>
        WriteAsync<(RoleWriteStatus, Role?)>(s =>
        {
            if (s.Roles.ContainsKey(candidate.Id))
            {
                return ((RoleWriteStatus.Exists, null), null, []);
            }
            if (s.Roles.Count >= Roles.MaxRoles)
            {
                return ((RoleWriteStatus.TooMany, null), null, []);
            }
            var role = candidate with { CreatedAt = Now };
            return ((RoleWriteStatus.Done, role), s with { Roles = s.Roles.SetItem(role.Id, role) }, [StoreSql.UpsertRole(role)]);
        });

    /// <summary>Applies an update to a role.</summary>
    public Task<(RoleWriteStatus Status, Role? Role)> UpdateRoleAsync(string id, Func<Role, Role> apply) =>
        WriteAsync<(RoleWriteStatus, Role?)>(s =>
        {
            if (!s.Roles.TryGetValue(id, out var old))
            {
                return ((RoleWriteStatus.NotFound, null), null, []);
            }
            var role = apply(old) with { Id = old.Id, UpdatedAt = Now };
            return ((RoleWriteStatus.Done, role), s with { Roles = s.Roles.SetItem(id, role) }, [StoreSql.UpsertRole(role)]);
        });

    /// <summary>
    /// Deletes a role. Users holding it move to the default role, so that every user's role exists.
    /// </summary>
    public Task<RoleWriteStatus> DeleteRoleAsync(string id) =>
        WriteAsync(s =>
        {
            if (id == Roles.DefaultRoleId)
            {
                return (RoleWriteStatus.DeleteDenied, (StoreState?)null, (IReadOnlyList<SqlWrite>)[]);
            }
            if (!s.Roles.ContainsKey(id))
            {
                return (RoleWriteStatus.NotFound, null, []);
            }
            var next = s with { Roles = s.Roles.Remove(id) };
            var writes = new List<SqlWrite> { StoreSql.DeleteRole(id) };
            var now = Now;
            foreach (var user in s.Users.Values.Where(u => u.Role == id))
            {
                var moved = user with { Role = Roles.DefaultRoleId, UpdatedAt = now };
                next = next.WithUser(user, moved);
                writes.Add(StoreSql.UpsertUser(moved));
            }
            return (RoleWriteStatus.Done, next, writes);
        });
}
