namespace CometChat.PowerShell.Commands;

/// <summary>
/// Gets CometChat users: by uid, or every user matching a query. A query streams every page (the next page is
/// fetched while the current one is written), so memory stays flat however many users the app has.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CometChatUser", DefaultParameterSetName = QuerySet, SupportsPaging = true)]
[OutputType(typeof(CometChatUser))]
public sealed class GetCometChatUserCommand : CometChatCmdlet
{
    private const string QuerySet = "Query";
    private const string UidSet = "ByUid";

    /// <summary>Uids to get (strings, or objects with a Uid property).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = UidSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("UserId")]
    [UidTransformation]
    [ArgumentCompleter(typeof(Completion.UidCompleter))]
    public string[] Uid { get; set; } = Array.Empty<string>();

    /// <summary>Users whose uid or name starts with this text.</summary>
    [Parameter(ParameterSetName = QuerySet)]
    [ValidateFilter]
    public string? SearchKey { get; set; }

    /// <summary>Where -SearchKey looks: Uid, Name, or both (default).</summary>
    [Parameter(ParameterSetName = QuerySet)]
    [ValidateFilter]
    [ValidateSet("Uid", "Name", IgnoreCase = true)]
    public string[]? SearchIn { get; set; }

    /// <summary>Only users that are Online or Offline.</summary>
    [Parameter(ParameterSetName = QuerySet)]
    [ValidateFilter]
    [ValidateSet("Online", "Offline", IgnoreCase = true)]
    public string? Status { get; set; }

    /// <summary>Only users with one of these roles.</summary>
    [Parameter(ParameterSetName = QuerySet)]
    [ValidateFilter]
    [ArgumentCompleter(typeof(Completion.RoleCompleter))]
    public string[]? Role { get; set; }

    /// <summary>Only users with these tags.</summary>
    [Parameter(ParameterSetName = QuerySet)]
    [ValidateFilter]
    [Alias("Tags")]
    [ArgumentCompleter(typeof(Completion.TagCompleter))]
    public string[]? Tag { get; set; }

    /// <summary>Include deactivated users (with -Uid: find a uid even when it is deactivated).</summary>
    [Parameter]
    public SwitchParameter IncludeDeactivated { get; set; }

    /// <summary>Only deactivated users.</summary>
    [Parameter(ParameterSetName = QuerySet)]
    public SwitchParameter OnlyDeactivated { get; set; }

    /// <summary>Add the relation fields (BlockedByMe, HasBlockedMe, ConversationId) as seen by this uid.</summary>
    [Parameter]
    [ValidateFilter]
    public string? OnBehalfOf { get; set; }

    /// <summary>Users per request, 1-1000 (default 1000). Every page is fetched either way.</summary>
    [Parameter(ParameterSetName = QuerySet)]
    [ValidateRange(1, 1000)]
    public int PageSize { get; set; } = 1000;

    /// <summary>The piped record, kept as the target of its error.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = UidSet)]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == UidSet)
        {
            foreach (var (uid, target) in UidsOf(Uid, InputObject))
            {
                GetOne(uid, target);
            }
        }
        else
        {
            Stream(BuildQuery());
        }
    }

    private void GetOne(string uid, object target)
    {
        try
        {
            WriteObject(Await((client, token) => IncludeDeactivated
                ? FindIncludingDeactivatedAsync(client, uid, OnBehalfOf, token)
                : client.GetUserAsync(uid, OnBehalfOf, token)));
        }
        catch (Exception error) when (error is CometChatException)
        {
            WriteFailure(error, target);
        }
    }

    /// <summary>GET /users/{uid} hides deactivated users; a uid search with withDeactivated finds them.</summary>
    private static async Task<CometChatUser> FindIncludingDeactivatedAsync(CometChatClient client, string uid, string? onBehalfOf, System.Threading.CancellationToken token)
    {
        var query = new UserQuery { SearchKey = uid, SearchIn = new[] { "uid" }, WithDeactivated = true, OnBehalfOf = onBehalfOf };
        for (var page = 1; ; page++)
        {
            var result = await client.ListUsersAsync(query, page, 1000, token).ConfigureAwait(false);
            var match = result.Items.FirstOrDefault(user => string.Equals(user.Uid, uid, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match;
            }
            if (!result.HasMore)
            {
                return await client.GetUserAsync(uid, onBehalfOf, token).ConfigureAwait(false);
            }
        }
    }

    private UserQuery BuildQuery() => new()
    {
        SearchKey = InputConversion.Text(SearchKey),
        SearchIn = SearchIn?.Select(field => field.ToLowerInvariant()).ToList(),
        Status = Status is null ? null : Status.Equals("Online", StringComparison.OrdinalIgnoreCase) ? "available" : "offline",
        Roles = Role,
        Tags = Tag,
        WithDeactivated = IncludeDeactivated,
        OnlyDeactivated = OnlyDeactivated,
        OnBehalfOf = OnBehalfOf,
    };

    private void Stream(UserQuery query)
    {
        var paging = PagingParameters;
        var streamer = new PageStreamer<CometChatUser>(this, (client, page, size, token) => client.ListUsersAsync(query, page, size, token));
        try
        {
            streamer.Stream(PageSize, paging.Skip, paging.First, WriteObject, total =>
            {
                if (paging.IncludeTotalCount)
                {
                    WriteObject(paging.NewTotalCount((ulong)Math.Max(0, total), 1.0));
                }
            });
        }
        catch (Exception error) when (error is CometChatException)
        {
            WriteFailure(error, query);
        }
    }
}
