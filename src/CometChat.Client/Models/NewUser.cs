namespace CometChat.Client.Models;

/// <summary>The body of <c>POST /users</c>. Null fields are not sent.</summary>
public sealed class NewUser
{
    /// <summary>1–100 letters, digits, dashes or underscores; stored lowercase.</summary>
    public string Uid { get; set; } = string.Empty;

    /// <summary>1–100 characters.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Avatar URL.</summary>
    public string? Avatar { get; set; }

    /// <summary>Profile URL.</summary>
    public string? Link { get; set; }

    /// <summary>An existing role id.</summary>
    public string? Role { get; set; }

    /// <summary>Status message.</summary>
    public string? StatusMessage { get; set; }

    /// <summary>A JSON object, at most 5120 bytes serialized.</summary>
    public CometChatMetadata? Metadata { get; set; }

    /// <summary>Up to 25 tags.</summary>
    public IList<string>? Tags { get; set; }

    /// <summary>When true, the response carries a login token.</summary>
    public bool? WithAuthToken { get; set; }
}
