using System.Collections;
using System.Management.Automation.Language;

namespace CometChat.PowerShell.Completion;

/// <summary>
/// Completes from a short list of names read with one request and cached for a minute per connection (roles,
/// tags): the names that start with what was typed, quoted when they hold a space or a separator.
/// </summary>
/// <typeparam name="TSelf">The completer, so that each kind of name has a cache of its own.</typeparam>
public abstract class NameCompleter<TSelf> : IArgumentCompleter where TSelf : NameCompleter<TSelf>
{
    private static readonly CompletionCache<string> Cache = new(TimeSpan.FromSeconds(60));

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var connection = CompletionCache<string>.ConnectionOf(fakeBoundParameters);
        if (connection is null)
        {
            return Array.Empty<CompletionResult>();
        }
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return Cache.Get(connection, string.Empty, FetchAsync)
            .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(name => new CompletionResult(name.IndexOfAny(new[] { ' ', ';', ',' }) >= 0 ? $"'{name}'" : name, name, CompletionResultType.ParameterValue, name))
            .ToList();
    }

    /// <summary>Reads the names, sorted.</summary>
    protected abstract Task<IReadOnlyList<string>> FetchAsync(CometChatClient client, CancellationToken cancellationToken);
}
