using CometChat.Client.Models;
using CometChat.Client.Sync;

namespace CometChat.Client.Tests;

/// <summary>
/// The plan a sync shows is the list of property changes: these tests hold its content for every action, and the
/// fingerprint that decides whether a plan made earlier still applies. They share <see cref="Stored"/> and
/// <see cref="Row"/> with the planner's other tests.
/// </summary>
public partial class UserPlannerTests
{
    private static string[] Lines(PlannedChange plan) => plan.Changes.Select(change => change.ToString()).ToArray();

    [Fact]
    public void A_joiner_lists_every_field_it_is_created_with_and_its_deactivation()
    {
        var row = new DesiredUser
        {
            Uid = "ada",
            Given = UserFields.Name | UserFields.Avatar | UserFields.Link | UserFields.Role | UserFields.StatusMessage | UserFields.Metadata | UserFields.Tags | UserFields.Deactivated,
            Name = "Ada",
            Avatar = "https://a/x.png",
            Link = "https://a/ada",
            Role = "staff",
            StatusMessage = "busy",
            Metadata = CometChatMetadata.Parse("""{"k":1}"""),
            Tags = new[] { "t" },
            Deactivated = true,
        };
        var plan = UserPlanner.Plan(row, null, scopeTag: "hr");
        Assert.Equal(SyncAction.Create, plan.Action);
        Assert.True(plan.DeactivateAfterCreate);
        Assert.Equal(new[] { "t", "hr" }, plan.Create!.Tags);
        Assert.Equal(new[]
        {
            "Name: (none) -> 'Ada'", "Avatar: (none) -> 'https://a/x.png'", "Link: (none) -> 'https://a/ada'", "Role: (none) -> 'staff'",
            "StatusMessage: (none) -> 'busy'", "Metadata: (none) -> '" + CometChatMetadata.Parse("""{"k":1}""") + "'",
            "Tags: (none) -> '" + new CometChatTagList(new[] { "t", "hr" }) + "'", "Status: (none) -> 'deactivated'",
        }, Lines(plan));
    }

    [Fact]
    public void A_joiner_with_only_a_name_lists_only_the_name_and_sends_no_tags()
    {
        var plan = UserPlanner.Plan(new DesiredUser { Uid = "ada", Given = UserFields.Name | UserFields.Tags | UserFields.Deactivated, Name = "Ada", Tags = null, Deactivated = false }, null, null);
        Assert.Equal(new[] { "Name: (none) -> 'Ada'" }, Lines(plan));
        Assert.Null(plan.Create!.Tags);
        Assert.False(plan.DeactivateAfterCreate);
    }

    [Fact]
    public void A_row_that_says_deactivated_without_the_column_being_given_creates_an_active_user()
    {
        var plan = UserPlanner.Plan(new DesiredUser { Uid = "ada", Given = UserFields.Name, Name = "Ada", Deactivated = true }, null, null);
        Assert.False(plan.DeactivateAfterCreate);
        var update = UserPlanner.Plan(new DesiredUser { Uid = "ada", Given = UserFields.Name, Name = "Ada", Deactivated = true }, Stored(), null);
        Assert.Equal(SyncAction.None, update.Action);
    }

    [Fact]
    public void A_leaver_in_the_file_is_deactivated_with_its_other_changes_applied_first()
    {
        var row = new DesiredUser { Uid = "ada", Given = UserFields.Name | UserFields.Deactivated, Name = "Ada L", Deactivated = true };
        var plan = UserPlanner.Plan(row, Stored(), null);
        Assert.Equal(SyncAction.Deactivate, plan.Action);
        Assert.Equal("Ada L", plan.Update!.Name);
        Assert.Equal(new[] { "Name: 'Ada' -> 'Ada L'", "Status: 'active' -> 'deactivated'" }, Lines(plan));
    }

    [Theory]
    [InlineData(SyncAction.Deactivate, false, "Status: 'active' -> 'deactivated'")]
    [InlineData(SyncAction.Delete, false, "Status: 'active' -> 'deleted'")]
    [InlineData(SyncAction.Delete, true, "Status: 'deactivated' -> 'deleted'")]
    public void A_missing_user_shows_its_status_change(SyncAction action, bool deactivated, string expected)
    {
        var plan = UserPlanner.Missing(Stored(deactivated: deactivated), action);
        Assert.Equal(action, plan.Action);
        Assert.Equal(new[] { expected }, Lines(plan));
    }

    [Fact]
    public void Changed_metadata_and_tags_show_their_old_and_new_text_and_clear_nothing()
    {
        var stored = Stored(metadata: CometChatMetadata.Parse("""{"k":1}"""), tags: new[] { "a" }, status: "busy");
        var row = new DesiredUser
        {
            Uid = "ada",
            Given = UserFields.Metadata | UserFields.Tags | UserFields.StatusMessage,
            Metadata = CometChatMetadata.Parse("""{"k":2}"""),
            Tags = new[] { "a", "b" },
            StatusMessage = "busy",
        };
        var plan = UserPlanner.Plan(row, stored, null);
        Assert.Equal(SyncAction.Update, plan.Action);
        Assert.Null(plan.Update!.Unset);
        Assert.Null(plan.Update.StatusMessage);
        Assert.Equal(new[]
        {
            "Metadata: '" + CometChatMetadata.Parse("""{"k":1}""") + "' -> '" + CometChatMetadata.Parse("""{"k":2}""") + "'",
            "Tags: 'a' -> '" + new CometChatTagList(new[] { "a", "b" }) + "'",
        }, Lines(plan));
    }

    [Fact]
    public void Clearing_tags_and_a_link_shows_none_as_the_new_value()
    {
        var stored = Stored(tags: new[] { "a" }, link: "https://a/ada");
        var plan = UserPlanner.Plan(new DesiredUser { Uid = "ada", Given = UserFields.Tags | UserFields.Link, Tags = Array.Empty<string>(), Link = " " }, stored, null);
        Assert.Equal(new[] { "link" }, plan.Update!.Unset);
        Assert.Equal(new[] { "Link: 'https://a/ada' -> (none)", "Tags: 'a' -> (none)" }, Lines(plan));
    }

    [Fact]
    public void A_user_read_back_without_its_optional_fields_is_held_with_defaults()
    {
        var stored = Stored(role: null, avatar: "", status: "", updatedAt: null, createdAt: 1600000000);
        Assert.Equal("default", stored.Role);
        Assert.Null(stored.Avatar);
        Assert.Null(stored.StatusMessage);
        Assert.Equal(1600000000, stored.UpdatedAt);
        Assert.Equal(1700000000, Stored().UpdatedAt);
    }

    private static readonly CometChatMetadata HeldMetadata = CometChatMetadata.Parse("""{"k":1}""");
    private static readonly string[] HeldTags = { "a", "b" };

    public static TheoryData<string, Func<StoredUser>> OtherVersions => new()
    {
        { "name", () => Stored(name: "Ada L", metadata: HeldMetadata, tags: HeldTags) },
        { "avatar", () => Stored(avatar: "https://a/y.png", metadata: HeldMetadata, tags: HeldTags) },
        { "link", () => Stored(link: "https://a/ada", metadata: HeldMetadata, tags: HeldTags) },
        { "role", () => Stored(role: "staff", metadata: HeldMetadata, tags: HeldTags) },
        { "status message", () => Stored(status: "away", metadata: HeldMetadata, tags: HeldTags) },
        { "metadata", () => Stored(metadata: CometChatMetadata.Parse("""{"k":2}"""), tags: HeldTags) },
        { "tags", () => Stored(metadata: HeldMetadata, tags: new[] { "a", "c" }) },
        { "deactivation", () => Stored(deactivated: true, metadata: HeldMetadata, tags: HeldTags) },
        { "updatedAt", () => Stored(updatedAt: 1700000001, metadata: HeldMetadata, tags: HeldTags) },
    };

    [Theory]
    [MemberData(nameof(OtherVersions))]
    public void A_plan_no_longer_matches_a_user_whose_field_changed(string field, Func<StoredUser> changed)
    {
        var plan = UserPlanner.Missing(Stored(metadata: HeldMetadata, tags: HeldTags), SyncAction.Deactivate);
        Assert.NotEqual(plan.StoredFingerprint, changed().Fingerprint);
        Assert.False(plan.StillMatches(changed()), field);
    }

    [Fact]
    public void A_plan_still_matches_a_user_whose_tags_come_back_in_another_order()
    {
        var plan = UserPlanner.Missing(Stored(metadata: HeldMetadata, tags: HeldTags), SyncAction.Deactivate);
        Assert.True(plan.StillMatches(Stored(metadata: HeldMetadata, tags: new[] { "b", "a" })));
    }
}
