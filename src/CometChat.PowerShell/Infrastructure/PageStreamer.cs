namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// Writes every item of a paged list, page by page: the next page is fetched while the current one is written,
/// so at most two pages are held whatever the total. Honours -Skip and -First by starting at the right page.
/// </summary>
internal sealed class PageStreamer<T>
{
    private readonly CometChatCmdlet _cmdlet;
    private readonly Func<CometChatClient, int, int, CancellationToken, Task<CometChatPage<T>>> _fetch;

    public PageStreamer(CometChatCmdlet cmdlet, Func<CometChatClient, int, int, CancellationToken, Task<CometChatPage<T>>> fetch)
    {
        _cmdlet = cmdlet;
        _fetch = fetch;
    }

    /// <summary>Streams items to <paramref name="write"/>; <paramref name="onTotal"/> gets the total from the first page.</summary>
    public void Stream(int pageSize, ulong skip, ulong first, Action<T> write, Action<long>? onTotal = null)
    {
        var page = (int)(skip / (ulong)pageSize) + 1;
        var offset = (int)(skip % (ulong)pageSize);
        ulong written = 0;
        var firstPage = true;

        var next = Fetch(page, pageSize);
        while (true)
        {
            _cmdlet.WaitFor(next);
            var current = next.GetAwaiter().GetResult();
            if (firstPage)
            {
                onTotal?.Invoke(current.Pagination?.Total ?? current.Items.Count);
                firstPage = false;
            }

            var remaining = first - written;
            var more = current.HasMore && current.Items.Count > 0 && (ulong)Math.Max(0, current.Items.Count - offset) < remaining;
            if (more)
            {
                next = Fetch(++page, pageSize);
            }
            foreach (var item in current.Items.Skip(offset))
            {
                if (written >= first)
                {
                    return;
                }
                write(item);
                written++;
            }
            offset = 0;
            if (!more)
            {
                return;
            }
        }
    }

    private Task<CometChatPage<T>> Fetch(int page, int pageSize)
        => _cmdlet.Start((client, token) => _fetch(client, page, pageSize, token));
}
