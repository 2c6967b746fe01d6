using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using CometChat.Client;
using CometChat.Client.Models;

namespace CometChat.PowerShell.Completion;

/// <summary>
/// Completes tags. CometChat has no endpoint listing tags, so this reads the tags of the first 1,000 users
/// (one request), cached briefly.
/// </summary>
public sealed class TagCompleter : IArgumentCompleter
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
        return Cache.Get(connection, string.Empty, FetchTagsAsync)
            .Where(tag => tag.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(tag => new CompletionResult(tag.IndexOfAny(new[] { ' ', ';', ',' }) >= 0 ? $"'{tag}'" : tag, tag, CompletionResultType.ParameterValue, tag))
            .ToList();
    }

    private static async Task<IReadOnlyList<string>> FetchTagsAsync(CometChatClient client, CancellationToken cancellationToken)
    {
        var page = await client.ListUsersAsync(new UserQuery { WithTags = true }, 1, 1000, cancellationToken).ConfigureAwait(false);
        return page.Items.SelectMany(user => (IEnumerable<string>?)user.Tags ?? Array.Empty<string>())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(tag => tag, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
