namespace CometChat.PowerShell.Infrastructure;

/// <summary>Builds request bodies from the user-property parameters shared by New- and Set-CometChatUser.</summary>
internal static class UserInput
{
    /// <summary>The fields an update sends when New-CometChatUser -IfExists Update meets an existing user.</summary>
    public static UserUpdate ToUpdate(NewUser user) => new()
    {
        Name = user.Name,
        Avatar = user.Avatar,
        Link = user.Link,
        Role = user.Role,
        StatusMessage = user.StatusMessage,
        Metadata = user.Metadata,
        Tags = user.Tags,
    };

    /// <summary>The user a create would produce, for -WhatIf -PassThru.</summary>
    public static CometChatUser Preview(NewUser user) => new()
    {
        Uid = user.Uid.ToLowerInvariant(),
        Name = user.Name,
        Avatar = user.Avatar,
        Link = user.Link,
        Role = user.Role ?? "default",
        Status = "offline",
        StatusMessage = user.StatusMessage,
        Metadata = user.Metadata,
        Tags = user.Tags is null ? null : new CometChatTagList(user.Tags),
    };

    /// <summary>The fields an update would set, for -WhatIf -PassThru (the rest of the stored user is unknown without a request).</summary>
    public static CometChatUser Preview(string uid, UserUpdate update)
    {
        var unset = new HashSet<string>(update.Unset ?? new List<string>());
        return new CometChatUser
        {
            Uid = uid.ToLowerInvariant(),
            Name = update.Name ?? string.Empty,
            Avatar = unset.Contains("avatar") ? null : update.Avatar,
            Link = unset.Contains("link") ? null : update.Link,
            Role = update.Role,
            StatusMessage = string.IsNullOrEmpty(update.StatusMessage) ? null : update.StatusMessage,
            Metadata = unset.Contains("metadata") ? null : update.Metadata,
            Tags = update.Tags is { Count: > 0 } tags ? new CometChatTagList(tags) : null,
        };
    }
}
