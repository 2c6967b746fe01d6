namespace CometChat.PowerShell.Completion;

/// <summary>
/// Completes tags. CometChat has no endpoint listing tags, so this reads the tags of the first 1,000 users
/// (one request), cached briefly.
/// </summary>
public sealed class TagCompleter : NameCompleter<TagCompleter>
{
    /// <inheritdoc />
    protected override async Task<IReadOnlyList<string>> FetchAsync(CometChatClient client, CancellationToken cancellationToken)
    {
        var page = await client.ListUsersAsync(new UserQuery { WithTags = true }, 1, 1000, cancellationToken).ConfigureAwait(false);
        return page.Items.SelectMany(user => (IEnumerable<string>?)user.Tags ?? Array.Empty<string>())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(tag => tag, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
