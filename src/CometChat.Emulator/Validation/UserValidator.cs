namespace CometChat.Emulator.Validation;

/// <summary>Turns create and update bodies into users, applying the rules of §7.1, §7.4 and §8.</summary>
public static class UserValidator
{
    /// <summary>Validates a create body; null (with <c>body.Errors</c> filled) when invalid.</summary>
    public static (User? User, bool WithAuthToken) ForCreate(JsonBody body)
    {
        var errors = body.Errors;
        // Read and check field by field so details list the fields in a natural order.
        var uid = body.String("uid");
        if (!errors.ContainsKey("uid")) FieldRules.Identifier(errors, "uid", uid);
        var name = body.String("name");
        if (!errors.ContainsKey("name")) FieldRules.RequiredText(errors, "name", name, 100);
        var avatar = body.String("avatar");
        FieldRules.Url(errors, "avatar", avatar);
        var link = body.String("link");
        FieldRules.Url(errors, "link", link);
        var role = body.String("role");
        var statusMessage = body.String("statusMessage");
        var metadataText = FieldRules.Metadata(errors, "metadata", body.ObjectOrObjectText("metadata"));
        var tags = body.StringArray("tags");
        FieldRules.Tags(errors, tags);
        var withAuthToken = body.Bool("withAuthToken") ?? false;
        if (!errors.IsEmpty)
        {
            return (null, false);
        }
        var user = new User
        {
            Uid = uid!.ToLowerInvariant(),
            Name = name!,
            Avatar = avatar,
            Link = link,
            Role = FieldRules.IsBlank(role) ? Roles.DefaultRoleId : role!.ToLowerInvariant(),
            StatusMessage = string.IsNullOrEmpty(statusMessage) ? null : statusMessage,
            Metadata = metadataText,
            Tags = tags is { Count: > 0 } ? [.. tags] : null,
        };
        return (user, withAuthToken);
    }

    /// <summary>
    /// Validates an update body and returns the change to apply plus the new role (to check it exists);
    /// null (with <c>body.Errors</c> filled) when invalid.
    /// </summary>
    public static (Func<User, long, User>? Apply, string? Role) ForUpdate(JsonBody body)
    {
        var errors = body.Errors;
        var name = body.String("name");
        var avatar = body.String("avatar");
        var link = body.String("link");
        var role = body.String("role");
        var statusMessage = body.String("statusMessage");
        var metadata = body.ObjectOrObjectText("metadata");
        var tags = body.StringArray("tags");
        var unsetList = body.StringArray("unset");
        var nameGiven = body.Root.TryGetProperty("name", out _);

        if (nameGiven && !errors.ContainsKey("name"))
        {
            if (FieldRules.IsBlank(name))
            {
                errors.Add("name", "The name field must have a value.");
            }
            FieldRules.MaxLength(errors, "name", name, 100);
        }
        FieldRules.Url(errors, "avatar", avatar);
        FieldRules.Url(errors, "link", link);
        FieldRules.Tags(errors, tags);
        var metadataText = FieldRules.Metadata(errors, "metadata", metadata);
        var unset = FieldRules.Unset(errors, unsetList, "avatar", "link", "metadata");
        if (!errors.IsEmpty)
        {
            return (null, null);
        }
        var newRole = FieldRules.IsBlank(role) ? null : role!.ToLowerInvariant();
        var hasMetadata = metadata is not null;
        User Apply(User u, long now)
        {
            var next = u with
            {
                Name = name ?? u.Name,
                Avatar = avatar ?? u.Avatar,
                Link = link ?? u.Link,
                Role = newRole ?? u.Role,
                // "" clears the status message (#8).
                StatusMessage = statusMessage is null ? u.StatusMessage : statusMessage.Length == 0 ? null : statusMessage,
                // metadata replaces, it does not merge (#8); {} clears.
                Metadata = hasMetadata ? metadataText : u.Metadata,
                // [] clears the tags (#8).
                Tags = tags is null ? u.Tags : tags.Count == 0 ? null : [.. tags],
            };
            return next with
            {
                Avatar = unset.Contains("avatar") ? null : next.Avatar,
                Link = unset.Contains("link") ? null : next.Link,
                Metadata = unset.Contains("metadata") ? null : next.Metadata,
            };
        }
        return (Apply, newRole);
    }
}
