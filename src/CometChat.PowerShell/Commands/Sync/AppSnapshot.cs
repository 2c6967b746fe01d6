using CometChat.Client.Sync;

namespace CometChat.PowerShell.Commands;

/// <summary>
/// Every user of the app, deactivated ones and tags included, read once, page by page (1,000 a request), into
/// what a sync compares: about 300 bytes a user, so 100,000 users take a few tens of megabytes.
/// </summary>
internal sealed class AppSnapshot
{
    private const int PageSize = 1000;
    private const int ProgressId = 4118;

    private AppSnapshot(Dictionary<string, StoredUser> users, int pages)
    {
        Users = users;
        Pages = pages;
    }

    /// <summary>The users by uid (ignoring case), in the app's list order.</summary>
    public IReadOnlyDictionary<string, StoredUser> Users { get; }

    /// <summary>How many list requests the read took.</summary>
    public int Pages { get; }

    /// <summary>The stored user with <paramref name="uid"/>, or null.</summary>
    public StoredUser? Find(string uid) => Users.TryGetValue(uid, out var user) ? user : null;

    public static AppSnapshot Read(CometChatCmdlet cmdlet, Action<ProgressRecord> writeProgress)
    {
        var users = new Dictionary<string, StoredUser>(StringComparer.OrdinalIgnoreCase);
        var query = new UserQuery { WithTags = true, WithDeactivated = true };
        long total = 0;
        var progress = new ProgressRecord(ProgressId, "Reading CometChat users", "page 1");
        new PageStreamer<CometChatUser>(cmdlet, (client, page, size, token) => client.ListUsersAsync(query, page, size, token))
            .Stream(PageSize, 0, ulong.MaxValue, user =>
            {
                users[user.Uid] = new StoredUser(user);
                if (users.Count % PageSize == 0 && total > PageSize)
                {
                    progress.StatusDescription = $"{users.Count:N0} of {total:N0}";
                    progress.PercentComplete = (int)Math.Min(100, users.Count * 100 / total);
                    writeProgress(progress);
                }
            }, count => total = count);
        if (total > PageSize)
        {
            writeProgress(new ProgressRecord(ProgressId, "Reading CometChat users", "Done") { RecordType = ProgressRecordType.Completed });
        }
        return new AppSnapshot(users, (int)Math.Max(1, (total + PageSize - 1) / PageSize));
    }
}
