using CometChat.Client.Models;

namespace CometChat.Client.Sync;

/// <summary>
/// Decides the one action that makes a stored user match a source row, with only the changed fields in the update.
/// The source is authoritative for the fields it has; tags compare as sets and metadata as JSON values, so order
/// never makes a change. A scope tag is carried by every user the sync creates or updates.
/// </summary>
public static class UserPlanner
{
    private const string DefaultRole = "default";

    /// <summary>The change that makes <paramref name="stored"/> (null: no such user) what <paramref name="desired"/> says.</summary>
    public static PlannedChange Plan(DesiredUser desired, StoredUser? stored, string? scopeTag)
    {
        if (stored is null)
        {
            return PlanCreate(desired, scopeTag);
        }
        var wantsDeactivated = desired.Has(UserFields.Deactivated) && desired.Deactivated;
        if (wantsDeactivated && stored.Deactivated)
        {
            // CometChat doesn't update a deactivated user; it stays as it is.
            return new PlannedChange(SyncAction.None, stored.Uid, Array.Empty<PropertyChange>(), stored);
        }
        var (update, changes) = Differences(desired, stored, scopeTag);
        if (wantsDeactivated)
        {
            changes.Add(new PropertyChange("Status", "active", "deactivated"));
            return new PlannedChange(SyncAction.Deactivate, stored.Uid, changes, stored) { Update = update };
        }
        if (stored.Deactivated)
        {
            changes.Insert(0, new PropertyChange("Status", "deactivated", "active"));
            return new PlannedChange(SyncAction.Reactivate, stored.Uid, changes, stored) { Update = update };
        }
        return update is null
            ? new PlannedChange(SyncAction.None, stored.Uid, changes, stored)
            : new PlannedChange(SyncAction.Update, stored.Uid, changes, stored) { Update = update };
    }

    /// <summary>The change for a user in scope that no source row names: deactivate it, or delete it for good.</summary>
    public static PlannedChange Missing(StoredUser stored, SyncAction action)
    {
        if (action is not (SyncAction.Deactivate or SyncAction.Delete))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "A missing user is deactivated or deleted.");
        }
        var change = action == SyncAction.Delete
            ? new PropertyChange("Status", stored.Deactivated ? "deactivated" : "active", "deleted")
            : new PropertyChange("Status", "active", "deactivated");
        return new PlannedChange(action, stored.Uid, new[] { change }, stored);
    }

    private static PlannedChange PlanCreate(DesiredUser desired, string? scopeTag)
    {
        var tags = WithScope(desired.Has(UserFields.Tags) ? desired.Tags ?? Array.Empty<string>() : Array.Empty<string>(), scopeTag);
        var create = new NewUser
        {
            Uid = desired.Uid,
            Name = desired.Name ?? string.Empty,
            Avatar = Blank(desired.Avatar),
            Link = Blank(desired.Link),
            Role = Blank(desired.Role),
            StatusMessage = Blank(desired.StatusMessage),
            Metadata = desired.Metadata is { Count: > 0 } metadata ? metadata : null,
            Tags = tags.Count > 0 ? tags : null,
        };
        var changes = new List<PropertyChange> { new("Name", null, create.Name) };
        AddIfSet(changes, "Avatar", create.Avatar);
        AddIfSet(changes, "Link", create.Link);
        AddIfSet(changes, "Role", create.Role);
        AddIfSet(changes, "StatusMessage", create.StatusMessage);
        AddIfSet(changes, "Metadata", create.Metadata?.ToString());
        AddIfSet(changes, "Tags", create.Tags is null ? null : new CometChatTagList(create.Tags).ToString());
        var deactivate = desired.Has(UserFields.Deactivated) && desired.Deactivated;
        if (deactivate)
        {
            changes.Add(new PropertyChange("Status", null, "deactivated"));
        }
        return new PlannedChange(SyncAction.Create, desired.Uid, changes, null) { Create = create, DeactivateAfterCreate = deactivate };
    }

    private static (UserUpdate? Update, List<PropertyChange> Changes) Differences(DesiredUser desired, StoredUser stored, string? scopeTag)
    {
        var update = new UserUpdate();
        var changes = new List<PropertyChange>();
        var unset = new List<string>();
        if (desired.Has(UserFields.Name) && desired.Name is { } name && name != stored.Name)
        {
            update.Name = name;
            changes.Add(new PropertyChange("Name", stored.Name, name));
        }
        Url(desired.Has(UserFields.Avatar), Blank(desired.Avatar), stored.Avatar, "Avatar", value => update.Avatar = value, unset, changes);
        Url(desired.Has(UserFields.Link), Blank(desired.Link), stored.Link, "Link", value => update.Link = value, unset, changes);
        var role = Blank(desired.Role) ?? DefaultRole;
        if (desired.Has(UserFields.Role) && !string.Equals(role, stored.Role, StringComparison.OrdinalIgnoreCase))
        {
            update.Role = role;
            changes.Add(new PropertyChange("Role", stored.Role, role));
        }
        var status = Blank(desired.StatusMessage);
        if (desired.Has(UserFields.StatusMessage) && status != stored.StatusMessage)
        {
            update.StatusMessage = status ?? string.Empty;
            changes.Add(new PropertyChange("StatusMessage", stored.StatusMessage, status));
        }
        if (desired.Has(UserFields.Metadata))
        {
            var wanted = desired.Metadata is { Count: > 0 } metadata ? metadata : null;
            var held = stored.MetadataJson is null ? null : CometChatMetadata.Parse(stored.MetadataJson);
            if (!UserComparer.SameValue(wanted, held))
            {
                if (wanted is null)
                {
                    unset.Add("metadata");
                }
                update.Metadata = wanted;
                changes.Add(new PropertyChange("Metadata", stored.MetadataJson, wanted?.ToString()));
            }
        }
        var tags = WithScope(desired.Has(UserFields.Tags) ? desired.Tags ?? Array.Empty<string>() : stored.Tags, scopeTag);
        if (!new HashSet<string>(tags, StringComparer.Ordinal).SetEquals(stored.Tags))
        {
            update.Tags = tags;
            changes.Add(new PropertyChange("Tags", Cell(stored.Tags), Cell(tags)));
        }
        update.Unset = unset.Count > 0 ? unset : null;
        return (update.IsEmpty ? null : update, changes);
    }

    private static void Url(bool given, string? wanted, string? held, string property, Action<string> set, List<string> unset, List<PropertyChange> changes)
    {
        if (!given || wanted == held)
        {
            return;
        }
        if (wanted is null)
        {
            unset.Add(property.ToLowerInvariant());
        }
        else
        {
            set(wanted);
        }
        changes.Add(new PropertyChange(property, held, wanted));
    }

    private static List<string> WithScope(IEnumerable<string> tags, string? scopeTag)
    {
        var list = tags.Where(tag => !string.IsNullOrWhiteSpace(tag)).Distinct(StringComparer.Ordinal).ToList();
        if (scopeTag is not null && !list.Contains(scopeTag, StringComparer.Ordinal))
        {
            list.Add(scopeTag);
        }
        return list;
    }

    private static void AddIfSet(List<PropertyChange> changes, string property, string? value)
    {
        if (value is not null)
        {
            changes.Add(new PropertyChange(property, null, value));
        }
    }

    private static string? Cell(IReadOnlyCollection<string> tags) => tags.Count == 0 ? null : new CometChatTagList(tags).ToString();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
