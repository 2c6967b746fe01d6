using CometChat.Client.Models;

namespace CometChat.Client.Tests;

/// <summary>
/// Whether a stored user is what a lost create asked for decides between "created" and "already exists": a wrong
/// yes reports someone else's user as ours, a wrong no reports our own create as a conflict.
/// </summary>
public sealed class UserComparerTests
{
    private static NewUser Requested() => new()
    {
        Uid = "Alice",
        Name = "Alice A",
        Avatar = "https://example.com/a.png",
        Link = "https://example.com/alice",
        Role = "staff",
        StatusMessage = "Hi",
        Metadata = CometChatMetadata.Parse("""{"department":"sales","@private":{"email":"a@example.com"},"level":3,"flags":[true,"x"]}"""),
        Tags = new[] { "t1", "t2" },
    };

    private static CometChatUser Stored() => new()
    {
        Uid = "alice",
        Name = "Alice A",
        Avatar = "https://example.com/a.png",
        Link = "https://example.com/alice",
        Role = "Staff",
        StatusMessage = "Hi",
        Metadata = CometChatMetadata.Parse("""{"level":3.0,"flags":[true,"x"],"@private":{"email":"a@example.com"},"department":"sales"}"""),
        Tags = new CometChatTagList(new[] { "t1", "t2" }),
    };

    [Fact]
    public void The_same_user_matches_whatever_the_case_of_uid_and_role_and_the_order_of_metadata_keys()
        => Assert.True(UserComparer.Matches(Requested(), Stored()));

    [Fact]
    public void Fields_not_given_match_what_the_service_fills_in()
    {
        var requested = new NewUser { Uid = "bob", Name = "Bob" };
        var stored = new CometChatUser { Uid = "bob", Name = "Bob", Role = "default", Avatar = "", Metadata = new CometChatMetadata(), Tags = new CometChatTagList() };
        Assert.True(UserComparer.Matches(requested, stored));
        Assert.True(UserComparer.Matches(new NewUser { Uid = "bob", Name = "Bob", Role = "default" }, new CometChatUser { Uid = "bob", Name = "Bob" }));
    }

    public static TheoryData<string> Differences => new()
    {
        "uid", "name", "avatar", "avatar missing", "link", "role", "status message", "metadata value", "metadata key",
        "metadata missing", "nested metadata", "metadata list order", "metadata list length", "metadata number", "metadata bool",
        "metadata text for number", "tags order", "tags missing", "extra tag",
    };

    [Theory]
    [MemberData(nameof(Differences))]
    public void A_user_that_differs_in_one_field_is_someone_else(string difference)
    {
        var stored = Stored();
        switch (difference)
        {
            case "uid": stored.Uid = "alice2"; break;
            case "name": stored.Name = "alice a"; break;
            case "avatar": stored.Avatar = "https://example.com/b.png"; break;
            case "avatar missing": stored.Avatar = null; break;
            case "link": stored.Link = "https://example.com/other"; break;
            case "role": stored.Role = "default"; break;
            case "status message": stored.StatusMessage = "Bye"; break;
            case "metadata value": stored.Metadata!["department"] = "support"; break;
            case "metadata key": stored.Metadata!.Remove("department"); stored.Metadata["dept"] = "sales"; break;
            case "metadata missing": stored.Metadata = null; break;
            case "nested metadata": ((CometChatMetadata)stored.Metadata!["@private"]!)["email"] = "b@example.com"; break;
            case "metadata list order": stored.Metadata!["flags"] = new object?[] { "x", true }; break;
            case "metadata list length": stored.Metadata!["flags"] = new object?[] { true }; break;
            case "metadata number": stored.Metadata!["level"] = 4L; break;
            case "metadata bool": stored.Metadata!["flags"] = new object?[] { false, "x" }; break;
            case "metadata text for number": stored.Metadata!["level"] = "3"; break;
            case "tags order": stored.Tags = new CometChatTagList(new[] { "t2", "t1" }); break;
            case "tags missing": stored.Tags = null; break;
            case "extra tag": stored.Tags!.Add("t3"); break;
            default: throw new ArgumentOutOfRangeException(nameof(difference));
        }
        Assert.False(UserComparer.Matches(Requested(), stored), difference);
    }

    [Theory]
    [InlineData(1, 1.0, true)]
    [InlineData(2L, 2.0f, true)]
    [InlineData(1, 2, false)]
    [InlineData("1", 1, false)]
    [InlineData(1, "1", false)]
    [InlineData(true, true, true)]
    [InlineData(true, 1, false)]
    [InlineData(null, null, true)]
    [InlineData(null, 0, false)]
    [InlineData(0, null, false)]
    [InlineData("a", "a", true)]
    [InlineData("a", "A", false)]
    public void Values_compare_by_kind_and_numbers_by_value(object? left, object? right, bool same)
        => Assert.Equal(same, UserComparer.SameValue(left, right));

    [Fact]
    public void Maps_compare_by_keys_and_values_not_by_order()
    {
        var left = new CometChatMetadata { ["a"] = 1L, ["b"] = "x" };
        Assert.True(UserComparer.SameValue(left, new CometChatMetadata { ["b"] = "x", ["a"] = 1.0 }));
        Assert.False(UserComparer.SameValue(left, new CometChatMetadata { ["a"] = 1L }));
        Assert.False(UserComparer.SameValue(left, new CometChatMetadata { ["a"] = 1L, ["c"] = "x" }));
        Assert.False(UserComparer.SameValue(left, new object?[] { 1L, "x" }));
        Assert.False(UserComparer.SameValue(new object?[] { "ab" }, "ab"));
    }
}
