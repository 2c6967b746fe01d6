using System.Net;

namespace CometChat.Emulator.Tests;

public sealed class UsersGetUpdateTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Fact]
    public async Task Get_lowercases_the_path_uid_and_returns_tags()
    {
        await Emu.CreateUserAsync("cometchat-uid-6", "Barry Allen", new { tags = new[] { "Engineer" } });
        var u = (await Emu.GetAsync("/v3/users/Cometchat-UID-6")).AssertOk().Data;
        Assert.Equal("cometchat-uid-6", u.GetProperty("uid").GetString());
        Assert.Equal("Engineer", u.GetProperty("tags")[0].GetString());
        Assert.False(u.TryGetProperty("blockedByMe", out _));
    }

    [Fact]
    public async Task Get_unknown_uid_gives_404_with_the_lowercased_uid()
    {
        var r = (await Emu.GetAsync("/v3/users/babuInvalid")).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
        Assert.Equal("The UID babuinvalid does not exist, please make sure you have created a user with UID babuinvalid.",
            r.Error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Get_blank_uid_shows_as_percent_20()
    {
        var r = (await Emu.GetAsync("/v3/users/%20")).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
        Assert.Contains("UID %20 does not exist", r.Error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Get_deactivated_user_gives_404()
    {
        await Emu.CreateUserAsync("d");
        await Emu.DeleteAsync("/v3/users/d");
        (await Emu.GetAsync("/v3/users/d")).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
    }

    [Fact]
    public async Task Get_with_onBehalfOf_adds_relation_fields()
    {
        await Emu.CreateUserAsync("cometchat-uid-6");
        await Emu.CreateUserAsync("cometchat-uid-4");
        var headers = new Dictionary<string, string> { ["onBehalfOf"] = "CometChat-UID-4" };
        var u = (await Emu.GetAsync("/v3/users/cometchat-uid-6", headers: headers)).AssertOk().Data;
        Assert.False(u.GetProperty("blockedByMe").GetBoolean());
        Assert.False(u.GetProperty("hasBlockedMe").GetBoolean());
        Assert.Equal("cometchat-uid-4_user_cometchat-uid-6", u.GetProperty("conversationId").GetString());

        (await Emu.PostAsync("/v3/users/cometchat-uid-4/blockedusers", new { blockedUids = new[] { "cometchat-uid-6" } })).AssertOk();
        u = (await Emu.GetAsync("/v3/users/cometchat-uid-6", headers: headers)).AssertOk().Data;
        Assert.True(u.GetProperty("blockedByMe").GetBoolean());
        Assert.True(u.TryGetProperty("blockedByMeAt", out _));
        Assert.False(u.GetProperty("hasBlockedMe").GetBoolean());

        var reverse = (await Emu.GetAsync("/v3/users/cometchat-uid-4",
            headers: new Dictionary<string, string> { ["onBehalfOf"] = "cometchat-uid-6" })).AssertOk().Data;
        Assert.False(reverse.GetProperty("blockedByMe").GetBoolean());
        Assert.True(reverse.GetProperty("hasBlockedMe").GetBoolean());
        Assert.Equal("cometchat-uid-4_user_cometchat-uid-6", reverse.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task Unknown_onBehalfOf_gives_404_ERR_ON_BEHALF_OF_UID_NOT_FOUND()
    {
        await Emu.CreateUserAsync("a");
        var headers = new Dictionary<string, string> { ["onBehalfOf"] = "ghost" };
        (await Emu.GetAsync("/v3/users/a", headers: headers)).AssertError(HttpStatusCode.NotFound, "ERR_ON_BEHALF_OF_UID_NOT_FOUND");
        (await Emu.GetAsync("/v3/users", headers: headers)).AssertError(HttpStatusCode.NotFound, "ERR_ON_BEHALF_OF_UID_NOT_FOUND");
    }

    [Fact]
    public async Task Update_changes_fields_and_sets_updatedAt()
    {
        await Emu.PostAsync("/v3/roles", new { role = "manager", name = "manager" });
        await Emu.CreateUserAsync("cometchat-uid-6", "Barry", new
        {
            avatar = "https://example.com/a.png",
            statusMessage = "old",
            tags = new[] { "x" },
            metadata = new Dictionary<string, object> { ["@private"] = new { email = "user@email.com" }, ["other"] = 1 },
        });
        var u = (await Emu.PutAsync("/v3/users/COMETCHAT-UID-6", """
            {"name": "Barry Allen", "statusMessage": "", "tags": ["cometchat-guid-1"], "unset": ["avatar"], "role": "Manager",
             "metadata": {"@private": {"email": "user@email.com"}}, "uid": "ignored"}
            """)).AssertOk().Data;
        Assert.Equal("cometchat-uid-6", u.GetProperty("uid").GetString());
        Assert.Equal("Barry Allen", u.GetProperty("name").GetString());
        Assert.False(u.TryGetProperty("avatar", out _));
        Assert.False(u.TryGetProperty("statusMessage", out _));
        Assert.Equal("manager", u.GetProperty("role").GetString());
        Assert.Equal(["cometchat-guid-1"], u.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.False(u.GetProperty("metadata").TryGetProperty("other", out _)); // replaced, not merged
        Assert.True(u.GetProperty("updatedAt").GetInt64() >= u.GetProperty("createdAt").GetInt64());
        Assert.Equal(u.GetRawText(), (await Emu.GetAsync("/v3/users/cometchat-uid-6")).Data.GetRawText());
    }

    [Fact]
    public async Task Update_with_empty_tags_clears_them_and_unset_clears_link_and_metadata()
    {
        await Emu.CreateUserAsync("u", "U", new { tags = new[] { "a" }, link = "https://e.com", metadata = new { k = 1 }, avatar = "https://e.com/a" });
        var u = (await Emu.PutAsync("/v3/users/u", new { tags = Array.Empty<string>(), unset = new[] { "link", "metadata" } })).AssertOk().Data;
        Assert.False(u.TryGetProperty("tags", out _));
        Assert.False(u.TryGetProperty("link", out _));
        Assert.False(u.TryGetProperty("metadata", out _));
        Assert.Equal("https://e.com/a", u.GetProperty("avatar").GetString());
    }

    [Fact]
    public async Task Update_with_empty_body_only_touches_updatedAt()
    {
        var created = await Emu.CreateUserAsync("u", "U", new { link = "https://e.com" });
        var u = (await Emu.PutAsync("/v3/users/u", "{}")).AssertOk().Data;
        Assert.Equal("https://e.com", u.GetProperty("link").GetString());
        Assert.Equal(created.GetProperty("name").GetString(), u.GetProperty("name").GetString());
        Assert.True(u.TryGetProperty("updatedAt", out _));
    }

    public static TheoryData<string, string, string> InvalidUpdates => new()
    {
        { """{"name":""}""", "name", "The name field must have a value." },
        { """{"name":"  "}""", "name", "The name field must have a value." },
        { "{\"name\":\"" + new string('n', 101) + "\"}", "name", "The name may not be greater than 100 characters." },
        { """{"avatar":"x"}""", "avatar", "The avatar must be a valid URL." },
        { """{"link":"x"}""", "link", "The link must be a valid URL." },
        { """{"unset":["name"]}""", "unset.0", "The selected unset.0 is invalid. Allowed: avatar, link, metadata." },
        { """{"unset":"avatar"}""", "unset", "The unset must be an array." },
        { """{"tags":[""]}""", "tags.0", "The tags.0 field is required." },
        { """{"metadata":5}""", "metadata", "The metadata must be a JSON object, or a string holding one." },
    };

    [Theory]
    [MemberData(nameof(InvalidUpdates))]
    public async Task Update_rejects_each_invalid_field(string body, string key, string message)
    {
        await Emu.CreateUserAsync("u");
        var r = (await Emu.PutAsync("/v3/users/u", body)).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
        Assert.Contains(message, r.Details(key));
        Assert.False((await Emu.GetAsync("/v3/users/u")).Data.TryGetProperty("updatedAt", out _));
    }

    [Fact]
    public async Task Update_unknown_role_or_user_gives_404()
    {
        await Emu.CreateUserAsync("u");
        (await Emu.PutAsync("/v3/users/u", new { role = "nope" })).AssertError(HttpStatusCode.NotFound, "ERR_ROLE_NOT_FOUND");
        (await Emu.PutAsync("/v3/users/ghost", new { name = "x" })).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
        await Emu.DeleteAsync("/v3/users/u");
        (await Emu.PutAsync("/v3/users/u", new { name = "x" })).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
    }
}
