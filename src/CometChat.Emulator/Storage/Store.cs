using System.Collections.Immutable;

namespace CometChat.Emulator.Storage;

/// <summary>
/// All emulator data: an in-memory snapshot for reads plus write-through to SQLite. Writers change the
/// snapshot under one lock (so checks such as "uid already exists" and read-modify-write updates are atomic)
/// and queue the matching SQL in the same order; the caller is answered only once that SQL is committed.
/// </summary>
public sealed partial class Store : IDisposable
{
    private readonly object _gate = new();
    private readonly SqlitePersistence _db;
    private readonly TimeProvider _time;
    private readonly SampleDataSet _sampleData;
    private volatile StoreState _state;

    /// <summary>
    /// Loads the database and starts writing through to it. A new database (one without the default role) is
    /// set up as a new CometChat app is: the default role and the users of <paramref name="sampleData"/>.
    /// </summary>
    public Store(SqlitePersistence db, TimeProvider time, SampleDataSet sampleData = SampleDataSet.None)
    {
        _db = db;
        _time = time;
        _sampleData = sampleData;
        var data = db.Load();
        var state = new StoreState();
        foreach (var user in data.Users)
        {
            state = state.WithUser(null, user);
        }
        state = state with { Roles = state.Roles.SetItems(data.Roles.Select(r => KeyValuePair.Create(r.Id, r))) };
        state = state with
        {
            Tokens = state.Tokens.SetItems(data.Tokens.GroupBy(t => t.Uid)
                .Select(g => KeyValuePair.Create(g.Key, g.OrderBy(t => t.Sequence).ToImmutableList()))),
            NextTokenSequence = data.Tokens.Count == 0 ? 1 : data.Tokens.Max(t => t.Sequence) + 1,
        };
        foreach (var (blocker, blocked, at) in data.Blocks)
        {
            state = state.WithBlock(blocker, blocked, at);
        }
        foreach (var (a, b, since) in data.Friends)
        {
            state = state.WithFriend(a, b, since);
        }
        _state = state;
        db.Start();
        if (!state.Roles.ContainsKey(Roles.DefaultRoleId))
        {
            SetUpNewApp();
        }
    }

    /// <summary>The current snapshot, for reads.</summary>
    public StoreState Snapshot => _state;

    /// <summary>Now, in unix seconds (#13).</summary>
    public long Now => _time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>
    /// Removes all users, tokens, block and friend relations and roles, then sets the app up as new again: the
    /// default role and the sample users the emulator was started with.
    /// </summary>
    public Task ResetAsync() => WriteAsync<bool>(_ =>
    {
        var (next, writes) = NewApp(new StoreState());
        return (true, next, [.. StoreSql.DeleteAll(), .. writes]);
    });

    private void SetUpNewApp() =>
        WriteAsync<bool>(s =>
        {
            var (next, writes) = NewApp(s);
            return (true, next, writes);
        }).GetAwaiter().GetResult();

    /// <summary>The default role and the sample users, all created now (when the app is).</summary>
    private (StoreState Next, List<SqlWrite> Writes) NewApp(StoreState state)
    {
        var now = Now;
        var role = Roles.Default(now);
        var next = state with { Roles = state.Roles.SetItem(role.Id, role) };
        var writes = new List<SqlWrite> { StoreSql.UpsertRole(role) };
        foreach (var user in SampleData.Users(_sampleData, now))
        {
            next = next.WithUser(null, user);
            writes.Add(StoreSql.UpsertUser(user));
        }
        return (next, writes);
    }

    /// <summary>
    /// Runs a change against the current snapshot under the write lock. The change returns its result, the next
    /// snapshot (null = unchanged) and the SQL that makes it durable; the task completes after the commit.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<StoreState, (T Result, StoreState? Next, IReadOnlyList<SqlWrite> Writes)> change)
    {
        T result;
        Task durable;
        lock (_gate)
        {
            var (r, next, writes) = change(_state);
            result = r;
            if (next is not null)
            {
                _state = next;
            }
            durable = _db.Enqueue(writes);
        }
        await durable.ConfigureAwait(false);
        return result;
    }

    /// <summary>Stops writing through and closes the database.</summary>
    public void Dispose() => _db.Dispose();
}
