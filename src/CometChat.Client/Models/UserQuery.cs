namespace CometChat.Client.Models;

/// <summary>Filters of <c>GET /users</c>. Null filters are not sent.</summary>
public sealed class UserQuery
{
    /// <summary>Prefix to search for.</summary>
    public string? SearchKey { get; set; }

    /// <summary>Fields to search: <c>uid</c>, <c>name</c>; both when empty.</summary>
    public IList<string>? SearchIn { get; set; }

    /// <summary><c>available</c> (online) or <c>offline</c>.</summary>
    public string? Status { get; set; }

    /// <summary>Users with any of these roles.</summary>
    public IList<string>? Roles { get; set; }

    /// <summary>Users with these tags.</summary>
    public IList<string>? Tags { get; set; }

    /// <summary>Include tags in the items (the module always asks, so objects are complete).</summary>
    public bool WithTags { get; set; } = true;

    /// <summary>Include deactivated users.</summary>
    public bool WithDeactivated { get; set; }

    /// <summary>Only deactivated users.</summary>
    public bool OnlyDeactivated { get; set; }

    /// <summary>Add the relation fields as seen by this uid (header <c>onBehalfOf</c>).</summary>
    public string? OnBehalfOf { get; set; }
}
