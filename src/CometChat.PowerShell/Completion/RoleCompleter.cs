namespace CometChat.PowerShell.Completion;

/// <summary>Completes role ids from the roles endpoint of the default connection, cached briefly.</summary>
public sealed class RoleCompleter : NameCompleter<RoleCompleter>
{
    /// <inheritdoc />
    protected override async Task<IReadOnlyList<string>> FetchAsync(CometChatClient client, CancellationToken cancellationToken)
    {
        var page = await client.ListRolesAsync(1, 100, cancellationToken).ConfigureAwait(false);
        return page.Items.Select(role => role.Role).OrderBy(role => role, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
