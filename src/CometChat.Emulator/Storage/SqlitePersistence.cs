using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace CometChat.Emulator.Storage;

/// <summary>Everything read back from the database at start-up.</summary>
public sealed record LoadedData(List<User> Users, List<Role> Roles, List<AuthToken> Tokens,
    List<(string Blocker, string Blocked, long At)> Blocks, List<(string A, string B, long Since)> Friends);

/// <summary>
/// The durable copy of the store. The store queues writes in the order it applies them in memory; one writer
/// thread commits whatever has queued up in a single transaction (group commit) and only then completes the
/// callers' tasks, so a request is answered 200 only after its write is committed.
/// Durability choice: WAL with synchronous=NORMAL. A commit is then in the WAL file in the OS page cache before
/// it returns, which survives the emulator being killed (SIGKILL), though not a power cut or OS crash. That is
/// the failure the emulator has to survive, and it avoids an fsync per commit.
/// </summary>
public sealed class SqlitePersistence : IDisposable
{
    private sealed record Pending(IReadOnlyList<SqlWrite> Writes, TaskCompletionSource Done);

    private readonly BlockingCollection<Pending> _queue = new();
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Thread _writer;
    private readonly string _path;
    private readonly bool _temporary;
    private bool _disposed;

    private SqlitePersistence(string path, bool temporary)
    {
        _path = path;
        _temporary = temporary;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = false,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 2, // seconds to wait for a lock held by another process
        }.ToString());
        _connection.Open();
        // Exclusive locking: a second emulator pointed at the same file fails at start instead of silently
        // diverging from this one (each keeps its own in-memory copy). It also spares the WAL's shared memory.
        try
        {
            Execute("PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            Execute("BEGIN EXCLUSIVE; COMMIT;");
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
            _connection.Dispose();
            throw new IOException("The data file is in use by another emulator.", e);
        }
        Execute(StoreSql.Schema);
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "emulator-sqlite-writer" };
    }

    /// <summary>Opens (or creates) the database file.</summary>
    public static SqlitePersistence Open(string path, bool temporary) => new(path, temporary);

    /// <summary>Reads every stored entity; call before <see cref="Start"/>.</summary>
    public LoadedData Load()
    {
        var users = ReadDocs("SELECT doc FROM users", json => JsonSerializer.Deserialize(json, StorageJson.Default.User)!);
        var roles = ReadDocs("SELECT doc FROM roles", json => JsonSerializer.Deserialize(json, StorageJson.Default.Role)!);
        var tokens = ReadDocs("SELECT doc FROM auth_tokens ORDER BY seq", json => JsonSerializer.Deserialize(json, StorageJson.Default.AuthToken)!);
        var blocks = ReadPairs("SELECT blocker, blocked, blocked_at FROM blocks");
        var friends = ReadPairs("SELECT a, b, since FROM friends");
        return new LoadedData(users, roles, tokens, blocks, friends);
    }

    private List<(string, string, long)> ReadPairs(string sql)
    {
        var result = new List<(string, string, long)>();
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }
        return result;
    }

    /// <summary>Starts the writer thread.</summary>
    public void Start() => _writer.Start();

    /// <summary>Queues writes; the task completes once they are committed. Call in store order.</summary>
    public Task Enqueue(IReadOnlyList<SqlWrite> writes)
    {
        if (writes.Count == 0)
        {
            return Task.CompletedTask;
        }
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add(new Pending(writes, done));
        return done.Task;
    }

    private void WriteLoop()
    {
        var batch = new List<Pending>();
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Clear();
            batch.Add(first);
            while (batch.Count < 2000 && _queue.TryTake(out var more))
            {
                batch.Add(more);
            }
            try
            {
                using var transaction = _connection.BeginTransaction();
                foreach (var pending in batch)
                {
                    foreach (var write in pending.Writes)
                    {
                        Run(write, transaction);
                    }
                }
                transaction.Commit();
                foreach (var pending in batch)
                {
                    pending.Done.TrySetResult();
                }
            }
            catch (Exception e)
            {
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(e);
                }
            }
        }
    }

    private void Run(SqlWrite write, SqliteTransaction transaction)
    {
        if (!_commands.TryGetValue(write.Sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = write.Sql;
            for (var i = 0; i < write.Args.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter("@p" + i, null));
            }
            _commands[write.Sql] = command;
        }
        command.Transaction = transaction;
        for (var i = 0; i < write.Args.Length; i++)
        {
            command.Parameters[i].Value = write.Args[i] ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
    }

    private List<T> ReadDocs<T>(string sql, Func<string, T> parse)
    {
        var result = new List<T>();
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(parse(reader.GetString(0)));
        }
        return result;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Drains the queue, checkpoints, closes, and deletes a temporary database.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _queue.CompleteAdding();
        if (_writer.IsAlive)
        {
            _writer.Join();
        }
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        try
        {
            Execute("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        catch (SqliteException)
        {
            // A failed checkpoint only leaves a longer WAL file; the data is safe.
        }
        _connection.Dispose();
        _queue.Dispose();
        if (_temporary)
        {
            foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // Best effort: a leftover temporary file is harmless.
                }
            }
        }
    }
}
