using CometChat.Client.Models;
using CometChat.Client.Sync;

namespace CometChat.Client.Tests;

/// <summary>
/// The plan a sync shows is the list of property changes: these tests hold its content for every action, and the
/// fingerprint that decides whether a plan made earlier still applies.
/// </summary>
public class UserPlanChangesTests
{
    private static CometChatUser User(string name = "Ada", string? avatar = null, string? link = null, string? role = "default",
        string? status = null, string? metadata = null, string[]? tags = null, bool deactivated = false, long? updatedAt = 1700000000, long? createdAt = 1600000000)
        => new()
        {
            Uid = "ada",
            Name = name,
            Avatar = avatar,
            Link = link,
            Role = role,
            StatusMessage = status,
            Metadata = metadata is null ? null : CometChatMetadata.Parse(metadata),
            Tags = tags is null ? null : new CometChatTagList(tags),
            UpdatedAt = updatedAt is null ? null : DateTimeOffset.FromUnixTimeSeconds(updatedAt.Value),
            CreatedAt = createdAt is null ? null : DateTimeOffset.FromUnixTimeSeconds(createdAt.Value),
            DeactivatedAt = deactivated ? DateTimeOffset.FromUnixTimeSeconds(1700000000) : null,
        };

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
        var update = UserPlanner.Plan(new DesiredUser { Uid = "ada", Given = UserFields.Name, Name = "Ada", Deactivated = true }, new StoredUser(User()), null);
        Assert.Equal(SyncAction.None, update.Action);
    }

    [Fact]
    public void A_leaver_in_the_file_is_deactivated_with_its_other_changes_applied_first()
    {
        var row = new DesiredUser { Uid = "ada", Given = UserFields.Name | UserFields.Deactivated, Name = "Ada L", Deactivated = true };
        var plan = UserPlanner.Plan(row, new StoredUser(User()), null);
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
        var plan = UserPlanner.Missing(new StoredUser(User(deactivated: deactivated)), action);
        Assert.Equal(action, plan.Action);
        Assert.Equal(new[] { expected }, Lines(plan));
    }

    [Fact]
    public void A_missing_user_is_only_deactivated_or_deleted()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => UserPlanner.Missing(new StoredUser(User()), SyncAction.Update));
        Assert.Contains("deactivated or deleted", error.Message);
    }

    [Fact]
    public void Changed_metadata_and_tags_show_their_old_and_new_text_and_clear_nothing()
    {
        var stored = new StoredUser(User(metadata: """{"k":1}""", tags: new[] { "a" }, status: "busy"));
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
        var stored = new StoredUser(User(tags: new[] { "a" }, link: "https://a/ada"));
        var plan = UserPlanner.Plan(new DesiredUser { Uid = "ada", Given = UserFields.Tags | UserFields.Link, Tags = Array.Empty<string>(), Link = " " }, stored, null);
        Assert.Equal(new[] { "link" }, plan.Update!.Unset);
        Assert.Equal(new[] { "Link: 'https://a/ada' -> (none)", "Tags: 'a' -> (none)" }, Lines(plan));
    }

    [Fact]
    public void A_user_read_back_without_its_optional_fields_is_held_with_defaults()
    {
        var stored = new StoredUser(User(role: null, avatar: "", status: "", updatedAt: null));
        Assert.Equal("default", stored.Role);
        Assert.Null(stored.Avatar);
        Assert.Null(stored.StatusMessage);
        Assert.Equal(1600000000, stored.UpdatedAt);
        Assert.Equal(1700000000, new StoredUser(User()).UpdatedAt);
    }

    private const string Metadata = """{"k":1}""";
    private static readonly string[] Tags = { "a", "b" };

    public static TheoryData<string, CometChatUser> OtherVersions => new()
    {
        { "name", User(name: "Ada L", metadata: Metadata, tags: Tags) },
        { "avatar", User(avatar: "https://a/y.png", metadata: Metadata, tags: Tags) },
        { "link", User(link: "https://a/ada", metadata: Metadata, tags: Tags) },
        { "role", User(role: "staff", metadata: Metadata, tags: Tags) },
        { "status message", User(status: "away", metadata: Metadata, tags: Tags) },
        { "metadata", User(metadata: """{"k":2}""", tags: Tags) },
        { "tags", User(metadata: Metadata, tags: new[] { "a", "c" }) },
        { "deactivation", User(deactivated: true, metadata: Metadata, tags: Tags) },
        { "updatedAt", User(updatedAt: 1700000001, metadata: Metadata, tags: Tags) },
    };

    [Theory]
    [MemberData(nameof(OtherVersions))]
    public void A_plan_no_longer_matches_a_user_whose_field_changed(string field, CometChatUser changed)
    {
        var original = new StoredUser(User(metadata: Metadata, tags: Tags));
        var plan = UserPlanner.Missing(original, SyncAction.Deactivate);
        Assert.True(plan.StillMatches(new StoredUser(User(metadata: Metadata, tags: new[] { "b", "a" }))), "tags in another order are the same user");
        Assert.NotEqual(original.Fingerprint, new StoredUser(changed).Fingerprint);
        Assert.False(plan.StillMatches(new StoredUser(changed)), field);
    }
}
