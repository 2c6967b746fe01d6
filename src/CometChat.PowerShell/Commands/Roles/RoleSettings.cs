namespace CometChat.PowerShell.Commands;

/// <summary>Builds a role's <c>settings</c> object from -ListUsers and -SendMessagesTo.</summary>
internal static class RoleSettings
{
    /// <summary>The API's values: <c>all</c> or <c>friendsOnly</c>.</summary>
    public static string ApiValue(string value) => value.Equals("FriendsOnly", System.StringComparison.OrdinalIgnoreCase) ? "friendsOnly" : "all";

    public static CometChatMetadata? From(string? listUsers, string? sendMessagesTo)
    {
        if (listUsers is null && sendMessagesTo is null)
        {
            return null;
        }
        var settings = new CometChatMetadata();
        if (listUsers is not null)
        {
            settings["listUsers"] = ApiValue(listUsers);
        }
        if (sendMessagesTo is not null)
        {
            settings["sendMessagesTo"] = ApiValue(sendMessagesTo);
        }
        return settings;
    }
}
