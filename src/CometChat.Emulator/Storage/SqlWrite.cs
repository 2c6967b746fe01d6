using System.Text.Json.Serialization;

namespace CometChat.Emulator.Storage;

/// <summary>One SQL statement to run in the writer's next transaction; parameters are named @p0, @p1, ….</summary>
public sealed record SqlWrite(string Sql, params object?[] Args);

/// <summary>Source-generated JSON for the stored documents.</summary>
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(Role))]
[JsonSerializable(typeof(AuthToken))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class StorageJson : JsonSerializerContext;

/// <summary>
/// The schema and the statements the store issues. Entities are kept as JSON documents keyed by their id:
/// the in-memory store does every query, so SQLite only has to keep and reload them.
/// </summary>
public static class StoreSql
{
    /// <summary>Creates the tables when missing.</summary>
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS users (uid TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS roles (role TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS auth_tokens (token TEXT PRIMARY KEY, uid TEXT NOT NULL, seq INTEGER NOT NULL, doc TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS auth_tokens_uid ON auth_tokens (uid, seq);
        CREATE TABLE IF NOT EXISTS blocks (blocker TEXT NOT NULL, blocked TEXT NOT NULL, blocked_at INTEGER NOT NULL,
            PRIMARY KEY (blocker, blocked)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS friends (a TEXT NOT NULL, b TEXT NOT NULL, since INTEGER NOT NULL,
            PRIMARY KEY (a, b)) WITHOUT ROWID;
        """;

    public static SqlWrite UpsertUser(User u) => new(
        "INSERT INTO users (uid, doc) VALUES (@p0, @p1) ON CONFLICT (uid) DO UPDATE SET doc = excluded.doc",
        u.Uid, JsonSerializer.Serialize(u, StorageJson.Default.User));

    /// <summary>Removes a user with their tokens and block relations (#9).</summary>
    public static IEnumerable<SqlWrite> DeleteUser(string uid) =>
    [
        new("DELETE FROM users WHERE uid = @p0", uid),
        new("DELETE FROM auth_tokens WHERE uid = @p0", uid),
        new("DELETE FROM blocks WHERE blocker = @p0 OR blocked = @p0", uid),
        new("DELETE FROM friends WHERE a = @p0 OR b = @p0", uid),
    ];

    public static SqlWrite UpsertRole(Role r) => new(
        "INSERT INTO roles (role, doc) VALUES (@p0, @p1) ON CONFLICT (role) DO UPDATE SET doc = excluded.doc",
        r.Id, JsonSerializer.Serialize(r, StorageJson.Default.Role));

    public static SqlWrite DeleteRole(string id) => new("DELETE FROM roles WHERE role = @p0", id);

    public static SqlWrite UpsertToken(AuthToken t) => new(
        "INSERT INTO auth_tokens (token, uid, seq, doc) VALUES (@p0, @p1, @p2, @p3) ON CONFLICT (token) DO UPDATE SET doc = excluded.doc",
        t.Token, t.Uid, t.Sequence, JsonSerializer.Serialize(t, StorageJson.Default.AuthToken));

    public static SqlWrite DeleteToken(string token) => new("DELETE FROM auth_tokens WHERE token = @p0", token);

    public static SqlWrite DeleteTokensOf(string uid) => new("DELETE FROM auth_tokens WHERE uid = @p0", uid);

    public static SqlWrite UpsertBlock(string blocker, string blocked, long at) => new(
        "INSERT INTO blocks (blocker, blocked, blocked_at) VALUES (@p0, @p1, @p2) ON CONFLICT DO NOTHING", blocker, blocked, at);

    public static SqlWrite DeleteBlock(string blocker, string blocked) =>
        new("DELETE FROM blocks WHERE blocker = @p0 AND blocked = @p1", blocker, blocked);

    /// <summary>A friendship is stored once, with the smaller uid first.</summary>
    public static SqlWrite UpsertFriend(string x, string y, long since) => string.CompareOrdinal(x, y) < 0
        ? new("INSERT INTO friends (a, b, since) VALUES (@p0, @p1, @p2) ON CONFLICT DO NOTHING", x, y, since)
        : new("INSERT INTO friends (a, b, since) VALUES (@p0, @p1, @p2) ON CONFLICT DO NOTHING", y, x, since);

    public static SqlWrite DeleteFriend(string x, string y) => string.CompareOrdinal(x, y) < 0
        ? new("DELETE FROM friends WHERE a = @p0 AND b = @p1", x, y)
        : new("DELETE FROM friends WHERE a = @p0 AND b = @p1", y, x);

    /// <summary>Empties every table (reset).</summary>
    public static IEnumerable<SqlWrite> DeleteAll() =>
    [
        new("DELETE FROM users"),
        new("DELETE FROM roles"),
        new("DELETE FROM auth_tokens"),
        new("DELETE FROM blocks"),
        new("DELETE FROM friends"),
    ];
}
