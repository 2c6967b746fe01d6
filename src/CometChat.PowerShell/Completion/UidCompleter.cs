using System.Collections;
using System.Management.Automation.Language;

namespace CometChat.PowerShell.Completion;

/// <summary>Completes uids with a prefix search on the server: at most 50 results, cached briefly per prefix.</summary>
public sealed class UidCompleter : IArgumentCompleter
{
    private const int MaxResults = 50;
    private static readonly CompletionCache<CometChatUser> Cache = new(TimeSpan.FromSeconds(30));

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var connection = CompletionCache<CometChatUser>.ConnectionOf(fakeBoundParameters);
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"').ToLowerInvariant();
        if (connection is null)
        {
            return Array.Empty<CompletionResult>();
        }
        var users = Cache.Get(connection, prefix, (client, token) => SearchAsync(client, prefix, token));
        return users
            .Select(user => new CompletionResult(user.Uid, user.Uid, CompletionResultType.ParameterValue, $"{user.Uid} ({user.Name})"))
            .ToList();
    }

    private static async Task<IReadOnlyList<CometChatUser>> SearchAsync(CometChatClient client, string prefix, CancellationToken cancellationToken)
    {
        var query = new UserQuery { SearchKey = prefix.Length == 0 ? null : prefix, SearchIn = new[] { "uid" }, WithTags = false };
        var page = await client.ListUsersAsync(query, 1, MaxResults, cancellationToken).ConfigureAwait(false);
        return page.Items.OrderBy(user => user.Uid, StringComparer.Ordinal).ToList();
    }
}
