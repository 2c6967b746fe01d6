using System.Text.Json;
using CometChat.Client.Json;
using CometChat.Client.Models;
using CometChat.Client.Secrets;

namespace CometChat.Client.Tests;

public class JsonModelTests
{
    [Fact]
    public void Official_list_example_reads_into_users_with_timestamps_tags_and_metadata()
    {
        using var document = JsonDocument.Parse(FakeHandler.Fixture("list-users"));
        var users = document.RootElement.GetProperty("data").Deserialize<List<CometChatUser>>(CometChatJson.Options)!;

        var barry = users[0];
        Assert.Equal("superhero6", barry.Uid);
        Assert.Equal("Barry Allen", barry.Name);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1638354015), barry.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1638354799), barry.UpdatedAt);
        Assert.Equal("user@email.com", barry.Metadata!["email"]);
        Assert.Null(barry.DeactivatedAt);
    }

    [Fact]
    public void Create_example_with_raw_metadata_keeps_it_as_an_ordinary_key()
    {
        using var document = JsonDocument.Parse(FakeHandler.Fixture("create-user"));
        var user = document.RootElement.GetProperty("data").Deserialize<CometChatUser>(CometChatJson.Options)!;
        Assert.Equal("{'gender':'Male'}", user.Metadata!["rawMetadata"]);
        Assert.Equal(new[] { "Engineer", "manager" }, user.Tags);
        Assert.StartsWith("superhero6_", SecretText.Reveal(user.AuthToken));
    }

    [Fact]
    public void Nested_metadata_becomes_dictionaries_arrays_and_scalars_and_prints_as_compact_json()
    {
        var metadata = CometChatMetadata.Parse("""{"@private":{"email":"a@b.c"},"n":3,"f":1.5,"ok":true,"list":[1,"x",null],"none":null}""");

        var inner = Assert.IsType<CometChatMetadata>(metadata["@private"]);
        Assert.Equal("a@b.c", inner["email"]);
        Assert.Equal(3L, metadata["n"]);
        Assert.Equal(1.5, metadata["f"]);
        Assert.Equal(true, metadata["ok"]);
        Assert.Equal(new object?[] { 1L, "x", null }, Assert.IsType<object?[]>(metadata["list"]));
        Assert.Equal("""{"@private":{"email":"a@b.c"},"n":3,"f":1.5,"ok":true,"list":[1,"x",null],"none":null}""", metadata.ToString());
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{not json")]
    [InlineData("")]
    public void Metadata_text_that_is_not_a_json_object_is_a_format_error(string text)
        => Assert.Throws<FormatException>(() => CometChatMetadata.Parse(text));

    [Fact]
    public void Unicode_metadata_stays_readable_in_its_text()
    {
        var metadata = new CometChatMetadata { ["city"] = "Zürich", ["emoji"] = "💬" };
        Assert.StartsWith("""{"city":"Zürich",""", metadata.ToString());
        var back = CometChatMetadata.Parse(metadata.ToString());
        Assert.Equal("Zürich", back["city"]);
        Assert.Equal("💬", back["emoji"]);
    }

    [Fact]
    public void Tag_list_prints_as_semicolon_separated_cell()
        => Assert.Equal("a;b c;d", new CometChatTagList(new[] { "a", "b c", "d" }).ToString());

    [Theory]
    [InlineData("1638354015")]
    [InlineData("\"1638354015\"")]
    public void Timestamps_read_from_numbers_and_numeric_strings(string value)
    {
        var user = JsonSerializer.Deserialize<CometChatUser>($$"""{"uid":"a","name":"A","createdAt":{{value}}}""", CometChatJson.Options)!;
        Assert.Equal(1638354015, user.CreatedAt!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public void Request_bodies_are_camel_case_without_nulls_and_timestamps_write_as_integers()
    {
        var body = CometChatJson.Options;
        var json = JsonSerializer.Serialize(new NewUser { Uid = "a", Name = "A", Tags = new[] { "t" } }, body);
        Assert.Equal("""{"uid":"a","name":"A","tags":["t"]}""", json);

        var user = new CometChatUser { Uid = "a", Name = "A", CreatedAt = DateTimeOffset.FromUnixTimeSeconds(1700000000) };
        Assert.Contains("\"createdAt\":1700000000", JsonSerializer.Serialize(user, body));
    }

    [Fact]
    public void Pagination_reads_snake_case_keys()
    {
        var pagination = JsonSerializer.Deserialize<Pagination>("""{"total":3,"count":2,"per_page":2,"current_page":1,"total_pages":2}""", CometChatJson.Options)!;
        Assert.Equal((3L, 2, 2, 1, 2), (pagination.Total, pagination.Count, pagination.PerPage, pagination.CurrentPage, pagination.TotalPages));
    }

    [Fact]
    public void Auth_tokens_mask_all_but_their_ends()
    {
        var token = new CometChatAuthToken { Token = SecretText.Protect("superhero1_1630306819c3027ce530b2367f3c97b4106f0cb8") };
        Assert.Equal("superh********b8", SecretText.Mask(token.Token));
        Assert.Equal("superh********b8", token.ToString());
        Assert.Equal("**********", SecretText.Mask("short12345"));
        Assert.Equal(string.Empty, SecretText.Mask((string?)null));
    }

    [Fact]
    public void Tokens_are_read_into_read_only_secure_strings()
    {
        var token = JsonSerializer.Deserialize<CometChatAuthToken>("""{"uid":"a","authToken":"a_1700000000abcdef"}""", CometChatJson.Options)!;
        Assert.True(token.Token!.IsReadOnly());
        Assert.Equal("a_1700000000abcdef", SecretText.Reveal(token.Token));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CometChatAuthToken>("""{"authToken":5}""", CometChatJson.Options));
    }

    [Theory]
    [InlineData("a;b;c", new[] { "a", "b", "c" })]
    [InlineData("a,b", new[] { "a", "b" })]
    [InlineData("x; Legal, Compliance ;", new[] { "x", "Legal, Compliance" })]
    [InlineData("Legal, Compliance;", new[] { "Legal, Compliance" })]
    [InlineData(" ; ", new string[0])]
    public void Tag_cells_split_at_semicolons_when_they_have_one_else_at_commas(string cell, string[] expected)
        => Assert.Equal(expected, CometChatTagList.ParseCell(cell));

    [Theory]
    [InlineData("a|b")]
    [InlineData("Finance, Legal & Compliance")]
    [InlineData("x|Legal, Compliance")]
    [InlineData("solo")]
    public void Tags_written_as_a_cell_read_back_the_same(string joined)
    {
        var tags = joined.Split('|');
        Assert.Equal(tags, CometChatTagList.ParseCell(new CometChatTagList(tags).ToString()));
    }

    [Fact]
    public void User_comparer_accepts_the_same_user_and_rejects_any_difference()
    {
        var sent = new NewUser { Uid = "Alice", Name = "Alice", Tags = new[] { "a" }, Metadata = CometChatMetadata.Parse("""{"x":{"y":1}}""") };
        var stored = new CometChatUser { Uid = "alice", Name = "Alice", Role = "default", Tags = new CometChatTagList(new[] { "a" }), Metadata = CometChatMetadata.Parse("""{"x":{"y":1.0}}""") };
        Assert.True(UserComparer.Matches(sent, stored));

        stored.Name = "Alicia";
        Assert.False(UserComparer.Matches(sent, stored));
        stored.Name = "Alice";
        stored.Role = "admin";
        Assert.False(UserComparer.Matches(sent, stored));
        stored.Role = null;
        stored.Metadata = CometChatMetadata.Parse("""{"x":{"y":2}}""");
        Assert.False(UserComparer.Matches(sent, stored));
    }
}
