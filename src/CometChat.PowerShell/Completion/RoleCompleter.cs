using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using CometChat.Client;

namespace CometChat.PowerShell.Completion;

/// <summary>Completes role ids from the roles endpoint of the default connection, cached briefly.</summary>
public sealed class RoleCompleter : IArgumentCompleter
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
        var roles = Cache.Get(connection, string.Empty, FetchRolesAsync);
        var prefix = wordToComplete ?? string.Empty;
        return roles
            .Where(role => role.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(role => new CompletionResult(role, role, CompletionResultType.ParameterValue, role))
            .ToList();
    }

    private static async Task<IReadOnlyList<string>> FetchRolesAsync(CometChatClient client, CancellationToken cancellationToken)
    {
        var page = await client.ListRolesAsync(1, 100, cancellationToken).ConfigureAwait(false);
        return page.Items.Select(role => role.Role).OrderBy(role => role, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
