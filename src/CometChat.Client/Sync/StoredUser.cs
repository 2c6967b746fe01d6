using CometChat.Client.Models;

namespace CometChat.Client.Sync;

/// <summary>
/// What a sync needs of a user CometChat holds, kept small so that an app of 100,000 users fits in a few tens of
/// megabytes: metadata stays as its compact JSON text and is parsed only when a source row has metadata to compare.
/// </summary>
public sealed class StoredUser
{
    /// <summary>Takes what a sync compares from a listed user (listed with tags and deactivated users).</summary>
    public StoredUser(CometChatUser user)
    {
        Uid = user.Uid;
        Name = user.Name;
        Avatar = Blank(user.Avatar);
        Link = Blank(user.Link);
        Role = user.Role ?? "default";
        StatusMessage = Blank(user.StatusMessage);
        MetadataJson = user.Metadata is { Count: > 0 } metadata ? metadata.ToString() : null;
        Tags = user.Tags is { Count: > 0 } tags ? tags.ToArray() : System.Array.Empty<string>();
        Deactivated = user.DeactivatedAt is not null;
        UpdatedAt = (user.UpdatedAt ?? user.CreatedAt)?.ToUnixTimeSeconds();
    }

    /// <summary>The uid (lowercase).</summary>
    public string Uid { get; }

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>Avatar URL, or null.</summary>
    public string? Avatar { get; }

    /// <summary>Profile URL, or null.</summary>
    public string? Link { get; }

    /// <summary>Role id.</summary>
    public string Role { get; }

    /// <summary>Status message, or null.</summary>
    public string? StatusMessage { get; }

    /// <summary>Metadata as compact JSON, or null when there is none.</summary>
    public string? MetadataJson { get; }

    /// <summary>Tags (empty when none).</summary>
    public string[] Tags { get; }

    /// <summary>Whether the user is deactivated.</summary>
    public bool Deactivated { get; }

    /// <summary>When the user last changed (unix seconds).</summary>
    public long? UpdatedAt { get; }

    /// <summary>
    /// Everything a sync compares, and when the user last changed, as one text: a plan made from this user is
    /// refused once the fingerprint moved (an update within the same second as the plan still changes a field).
    /// </summary>
    public string Fingerprint => string.Join("\u001f", new[]
    {
        Name, Avatar ?? string.Empty, Link ?? string.Empty, Role, StatusMessage ?? string.Empty, MetadataJson ?? string.Empty,
        string.Join("\u001e", Tags.OrderBy(tag => tag, System.StringComparer.Ordinal)), Deactivated ? "1" : "0",
        UpdatedAt?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    });

    /// <summary>Whether the user carries <paramref name="tag"/>.</summary>
    public bool HasTag(string tag) => Tags.Contains(tag, System.StringComparer.Ordinal);

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
