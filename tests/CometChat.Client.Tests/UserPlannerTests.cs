using CometChat.Client.Models;
using CometChat.Client.Sync;

namespace CometChat.Client.Tests;

public partial class UserPlannerTests
{
    private static StoredUser Stored(string uid = "ada", string name = "Ada", string? avatar = null, string? link = null, string? role = "default",
        string? status = null, CometChatMetadata? metadata = null, string[]? tags = null, bool deactivated = false, long? updatedAt = 1700000000,
        long? createdAt = null)
        => new(new CometChatUser
        {
            Uid = uid,
            Name = name,
            Avatar = avatar,
            Link = link,
            Role = role,
            StatusMessage = status,
            Metadata = metadata,
            Tags = tags is null ? null : new CometChatTagList(tags),
            UpdatedAt = updatedAt is null ? null : DateTimeOffset.FromUnixTimeSeconds(updatedAt.Value),
            CreatedAt = createdAt is null ? null : DateTimeOffset.FromUnixTimeSeconds(createdAt.Value),
            DeactivatedAt = deactivated ? DateTimeOffset.FromUnixTimeSeconds(updatedAt ?? 0) : null,
        });

    private static DesiredUser Row(UserFields given, string name = "Ada", string? avatar = null, string? role = null, string? status = null,
        CometChatMetadata? metadata = null, string[]? tags = null, bool deactivated = false)
        => new() { Uid = "ada", Given = given, Name = name, Avatar = avatar, Role = role, StatusMessage = status, Metadata = metadata, Tags = tags, Deactivated = deactivated };

    [Fact]
    public void An_unchanged_user_costs_nothing_even_when_tags_and_metadata_keys_come_in_another_order()
    {
        var stored = Stored(tags: new[] { "a", "b" }, metadata: CometChatMetadata.Parse("""{"x":1,"y":{"z":"q"}}"""), role: "staff");
        var row = Row(UserFields.Name | UserFields.Tags | UserFields.Metadata | UserFields.Role, tags: new[] { "b", "a" },
            metadata: CometChatMetadata.Parse("""{"y":{"z":"q"},"x":1.0}"""), role: "STAFF");
        var plan = UserPlanner.Plan(row, stored, scopeTag: null);
        Assert.Equal(SyncAction.None, plan.Action);
        Assert.Empty(plan.Changes);
        Assert.Null(plan.Update);
    }

    [Fact]
    public void A_mover_gets_one_update_with_only_the_changed_fields()
    {
        var plan = UserPlanner.Plan(Row(UserFields.Name | UserFields.Role | UserFields.StatusMessage, name: "Ada L", role: "manager", status: null),
            Stored(status: "busy"), null);
        Assert.Equal(SyncAction.Update, plan.Action);
        Assert.Equal("Ada L", plan.Update!.Name);
        Assert.Equal("manager", plan.Update.Role);
        Assert.Equal(string.Empty, plan.Update.StatusMessage);
        Assert.Null(plan.Update.Tags);
        Assert.Null(plan.Update.Avatar);
        Assert.Equal(new[] { "Name: 'Ada' -> 'Ada L'", "Role: 'default' -> 'manager'", "StatusMessage: 'busy' -> (none)" }, plan.Changes.Select(c => c.ToString()));
    }

    [Fact]
    public void An_empty_cell_clears_and_a_missing_column_leaves_alone()
    {
        var stored = Stored(avatar: "https://a/x.png", tags: new[] { "t" }, metadata: CometChatMetadata.Parse("""{"k":1}"""));
        var cleared = UserPlanner.Plan(Row(UserFields.Avatar | UserFields.Tags | UserFields.Metadata), stored, null);
        Assert.Equal(new[] { "avatar", "metadata" }, cleared.Update!.Unset);
        Assert.Empty(cleared.Update.Tags!);
        var untouched = UserPlanner.Plan(Row(UserFields.Name), stored, null);
        Assert.Equal(SyncAction.None, untouched.Action);
    }

    [Fact]
    public void A_rehire_is_reactivated_then_updated_when_fields_differ()
    {
        var plan = UserPlanner.Plan(Row(UserFields.Name, name: "Ada Back"), Stored(deactivated: true), null);
        Assert.Equal(SyncAction.Reactivate, plan.Action);
        Assert.Equal("Ada Back", plan.Update!.Name);
        Assert.Equal("Status: 'deactivated' -> 'active'", plan.Changes[0].ToString());
        Assert.Null(UserPlanner.Plan(Row(UserFields.Name), Stored(deactivated: true), null).Update);
    }

    [Fact]
    public void A_joiner_is_created_with_the_scope_tag_and_a_row_that_says_deactivated_is_deactivated()
    {
        var plan = UserPlanner.Plan(Row(UserFields.Name | UserFields.Tags | UserFields.Deactivated, tags: new[] { "x" }, deactivated: true), null, "hr");
        Assert.Equal(SyncAction.Create, plan.Action);
        Assert.Equal(new[] { "x", "hr" }, plan.Create!.Tags);
        Assert.True(plan.DeactivateAfterCreate);
        Assert.Null(plan.StoredFingerprint);
        Assert.True(plan.StillMatches(null));
        Assert.False(plan.StillMatches(Stored()));
    }

    [Fact]
    public void The_scope_tag_is_added_to_users_the_source_owns_even_without_a_tags_column()
    {
        var plan = UserPlanner.Plan(Row(UserFields.Name), Stored(tags: new[] { "a" }), "hr");
        Assert.Equal(SyncAction.Update, plan.Action);
        Assert.Equal(new[] { "a", "hr" }, plan.Update!.Tags);
    }

    [Fact]
    public void A_row_that_says_deactivated_deactivates_an_active_user_and_leaves_a_deactivated_one()
    {
        Assert.Equal(SyncAction.Deactivate, UserPlanner.Plan(Row(UserFields.Deactivated, deactivated: true), Stored(), null).Action);
        Assert.Equal(SyncAction.None, UserPlanner.Plan(Row(UserFields.Deactivated | UserFields.Name, name: "Other", deactivated: true), Stored(deactivated: true), null).Action);
    }

    [Fact]
    public void Missing_users_are_deactivated_or_deleted_only()
    {
        Assert.Equal(SyncAction.Delete, UserPlanner.Missing(Stored(deactivated: true), SyncAction.Delete).Action);
        Assert.Equal("Status: 'active' -> 'deactivated'", UserPlanner.Missing(Stored(), SyncAction.Deactivate).Changes.Single().ToString());
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => UserPlanner.Missing(Stored(), SyncAction.Update));
        Assert.Contains("deactivated or deleted", error.Message);
    }

    [Fact]
    public void A_plan_is_refused_when_the_user_changed_since()
    {
        var plan = UserPlanner.Plan(Row(UserFields.Name, name: "New"), Stored(updatedAt: 100), null);
        Assert.True(plan.StillMatches(Stored(updatedAt: 100)));
        Assert.False(plan.StillMatches(Stored(updatedAt: 101)));
        Assert.False(plan.StillMatches(Stored(updatedAt: 100, deactivated: true)));
        Assert.False(plan.StillMatches(Stored(updatedAt: 100, status: "changed within the same second")));
        Assert.True(plan.StillMatches(Stored(updatedAt: 100, tags: Array.Empty<string>())));
        Assert.False(plan.StillMatches(null));
    }
}
