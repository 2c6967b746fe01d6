using System.Collections;
using System.Collections.Concurrent;

using CometChat.PowerShell.Threading;

namespace CometChat.PowerShell.Completion;

/// <summary>
/// Short-lived cache of completion values per connection and key, so pressing Tab repeatedly doesn't repeat
/// requests; failures (offline, rejected key) complete nothing rather than erroring at the prompt.
/// </summary>
internal sealed class CompletionCache<T>
{
    private readonly TimeSpan _lifetime;
    private readonly ConcurrentDictionary<(CometChatContext, string), (DateTime Expires, IReadOnlyList<T> Values)> _entries = new();

    public CompletionCache(TimeSpan lifetime) => _lifetime = lifetime;

    /// <summary>Completion has to answer at once: a fetch gets this long before completing nothing.</summary>
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(3);

    public IReadOnlyList<T> Get(CometChatContext connection, string key, Func<CometChatClient, CancellationToken, Task<IReadOnlyList<T>>> fetch)
    {
        if (_entries.TryGetValue((connection, key), out var entry) && entry.Expires > DateTime.UtcNow)
        {
            return entry.Values;
        }
        var values = AsyncBridge.RunBriefly(token => fetch(connection.Client, token), FetchTimeout);
        if (values is null)
        {
            return Array.Empty<T>();
        }
        if (_entries.Count > 256)
        {
            _entries.Clear();
        }
        _entries[(connection, key)] = (DateTime.UtcNow.Add(_lifetime), values);
        return values;
    }

    /// <summary>The connection a completion is for: the command's -Context if typed, else the default.</summary>
    public static CometChatContext? ConnectionOf(IDictionary fakeBoundParameters)
    {
        var given = fakeBoundParameters is not null && fakeBoundParameters.Contains("Context") ? fakeBoundParameters["Context"] : null;
        if (given is PSObject wrapped)
        {
            given = wrapped.BaseObject;
        }
        return given as CometChatContext ?? DefaultConnection.Current;
    }
}
