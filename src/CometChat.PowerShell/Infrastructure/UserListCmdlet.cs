namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// Base of the cmdlets that list something of each user given by <c>-Uid</c> (blocked users, friends, auth tokens),
/// every page, streamed. A user that fails gets one error targeting its record; the others go on.
/// </summary>
public abstract class UserListCmdlet : CometChatCmdlet
{
    /// <summary>The users: uids, or any objects with a Uid property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("UserId")]
    [UidTransformation]
    [ArgumentCompleter(typeof(Completion.UidCompleter))]
    public string[] Uid { get; set; } = Array.Empty<string>();

    /// <summary>The piped record, kept as the target of its error.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>
    /// For each valid uid of this record, streams every page that <paramref name="fetch"/> gets for it
    /// (client, uid, page, page size, token), or does <paramref name="one"/> instead when given.
    /// </summary>
    protected void ForEachUser<T>(int pageSize, Func<CometChatClient, string, int, int, CancellationToken, Task<CometChatPage<T>>> fetch, Action<string>? one = null)
    {
        foreach (var (uid, target) in UidsOf(Uid, InputObject))
        {
            try
            {
                if (one is not null)
                {
                    one(uid);
                    continue;
                }
                new PageStreamer<T>(this, (client, page, size, token) => fetch(client, uid, page, size, token))
                    .Stream(pageSize, 0, ulong.MaxValue, item => WriteObject(item));
            }
            catch (CometChatException error)
            {
                WriteFailure(error, target);
            }
        }
    }
}
