using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CometChat.Emulator.Tests;

public sealed class UsersCreateTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Fact]
    public async Task Create_returns_the_user_like_the_official_example()
    {
        await Emu.PostAsync("/v3/roles", new { role = "manager", name = "manager" });
        var r = (await Emu.PostAsync("/v3/users", """
            {"uid": "Cometchat-UID-6", "name": "Barry Allen", "avatar": "https://example.com/a.png", "role": "manager",
             "metadata": {"@private": {"email": "user@email.com"}}, "tags": ["Engineer", "manager"], "withAuthToken": true}
            """)).AssertOk();
        var u = r.Data;
        Assert.Equal("cometchat-uid-6", u.GetProperty("uid").GetString());
        Assert.Equal("Barry Allen", u.GetProperty("name").GetString());
        Assert.Equal("https://example.com/a.png", u.GetProperty("avatar").GetString());
        Assert.Equal("user@email.com", u.GetProperty("metadata").GetProperty("@private").GetProperty("email").GetString());
        Assert.Equal("offline", u.GetProperty("status").GetString());
        Assert.Equal("manager", u.GetProperty("role").GetString());
        Assert.Equal(["Engineer", "manager"], u.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var createdAt = u.GetProperty("createdAt").GetInt64();
        Assert.InRange(createdAt, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        Assert.False(u.TryGetProperty("updatedAt", out _));
        Assert.Matches(new Regex($"^cometchat-uid-6_{createdAt}[0-9a-f]{{30}}$"), u.GetProperty("authToken").GetString());
        Assert.False(r.Json.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Create_omits_unset_fields_and_defaults_role_and_status()
    {
        var u = await Emu.CreateUserAsync("plain", "Plain", new { statusMessage = "", tags = Array.Empty<string>(), metadata = new { } });
        var names = u.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["uid", "name", "status", "role", "createdAt"], names);
        Assert.Equal("default", u.GetProperty("role").GetString());
        Assert.Equal("offline", u.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Number, u.GetProperty("createdAt").ValueKind);
    }

    [Fact]
    public async Task Create_keeps_optional_fields()
    {
        var u = await Emu.CreateUserAsync("full", "Full", new { link = "http://example.com/p", statusMessage = "busy" });
        Assert.Equal("http://example.com/p", u.GetProperty("link").GetString());
        Assert.Equal("busy", u.GetProperty("statusMessage").GetString());
        Assert.False(u.TryGetProperty("authToken", out _));
    }

    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { """{"name":"n"}""", "uid", "The uid field is required." },
        { """{"uid":"","name":"n"}""", "uid", "The uid field is required." },
        { """{"uid":"   ","name":"n"}""", "uid", "The uid field is required." },
        { """{"uid":null,"name":"n"}""", "uid", "The uid field is required." },
        { """{"uid":"a b","name":"n"}""", "uid", "The uid may only contain letters, numbers, dashes and underscores." },
        { """{"uid":"a.b","name":"n"}""", "uid", "The uid may only contain letters, numbers, dashes and underscores." },
        { """{"uid":"ünï","name":"n"}""", "uid", "The uid may only contain letters, numbers, dashes and underscores." },
        { "{\"uid\":\"" + new string('a', 101) + "\",\"name\":\"n\"}", "uid", "The uid may not be greater than 100 characters." },
        { """{"uid":5,"name":"n"}""", "uid", "The uid must be a string." },
        { """{"uid":"u"}""", "name", "The name field is required." },
        { """{"uid":"u","name":""}""", "name", "The name field is required." },
        { "{\"uid\":\"u\",\"name\":\"" + new string('n', 101) + "\"}", "name", "The name may not be greater than 100 characters." },
        { """{"uid":"u","name":["n"]}""", "name", "The name must be a string." },
        { """{"uid":"u","name":"n","avatar":"not a url"}""", "avatar", "The avatar must be a valid URL." },
        { """{"uid":"u","name":"n","avatar":"ftp://example.com/a.png"}""", "avatar", "The avatar must be a valid URL." },
        { "{\"uid\":\"u\",\"name\":\"n\",\"avatar\":\"https://e.com/" + new string('a', 3000) + "\"}", "avatar", "The avatar may not be greater than 3000 characters." },
        { """{"uid":"u","name":"n","link":"nope"}""", "link", "The link must be a valid URL." },
        { "{\"uid\":\"u\",\"name\":\"n\",\"link\":\"https://e.com/" + new string('a', 3000) + "\"}", "link", "The link may not be greater than 3000 characters." },
        { """{"uid":"u","name":"n","tags":"a"}""", "tags", "The tags must be an array." },
        { """{"uid":"u","name":"n","tags":[""]}""", "tags.0", "The tags.0 field is required." },
        { """{"uid":"u","name":"n","tags":["ok"," "]}""", "tags.1", "The tags.1 field is required." },
        { """{"uid":"u","name":"n","tags":[1]}""", "tags.0", "The tags.0 must be a string." },
        { "{\"uid\":\"u\",\"name\":\"n\",\"tags\":[\"" + new string('t', 101) + "\"]}", "tags.0", "The tags.0 may not be greater than 100 characters." },
        { "{\"uid\":\"u\",\"name\":\"n\",\"tags\":[" + string.Join(",", Enumerable.Range(0, 26).Select(i => $"\"t{i}\"")) + "]}", "tags", "The tags may not have more than 25 items." },
        { """{"uid":"u","name":"n","metadata":"not json"}""", "metadata", "The metadata must be a JSON object, or a string holding one." },
        { """{"uid":"u","name":"n","metadata":[1]}""", "metadata", "The metadata must be a JSON object, or a string holding one." },
        { "{\"uid\":\"u\",\"name\":\"n\",\"metadata\":{\"k\":\"" + new string('m', 5200) + "\"}}", "metadata", "The metadata may not be greater than 5120 bytes." },
        { """{"uid":"u","name":"n","withAuthToken":"yes"}""", "withAuthToken", "The withAuthToken field must be true or false." },
        { """{"uid":"u","name":"n","statusMessage":1}""", "statusMessage", "The statusMessage must be a string." },
        { """{"uid":"u","name":"n","role":{}}""", "role", "The role must be a string." },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Create_rejects_each_invalid_field(string body, string key, string message)
    {
        var r = (await Emu.PostAsync("/v3/users", body)).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
        Assert.Equal("Failed to validate the data sent with the request.", r.Error.GetProperty("message").GetString());
        Assert.Contains(message, r.Details(key));
        Assert.Equal(0, (await Emu.GetAsync("/v3/users")).Data.GetArrayLength());
    }

    [Fact]
    public async Task Create_reports_all_failing_fields_together()
    {
        var r = (await Emu.PostAsync("/v3/users", "{}")).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
        Assert.Equal(["The uid field is required."], r.Details("uid"));
        Assert.Equal(["The name field is required."], r.Details("name"));
    }

    [Fact]
    public async Task Metadata_of_exactly_5120_bytes_is_accepted()
    {
        var filler = new string('m', 5120 - """{"k":""}""".Length);
        var u = await Emu.CreateUserAsync("meta", "Meta", new { metadata = new { k = filler } });
        Assert.Equal(filler, u.GetProperty("metadata").GetProperty("k").GetString());
    }

    [Fact]
    public async Task Taken_uid_gives_ERR_UID_ALREADY_EXISTS_whatever_its_case()
    {
        await Emu.CreateUserAsync("taken");
        var r = (await Emu.PostAsync("/v3/users", new { uid = "TAKEN", name = "x" })).AssertError(HttpStatusCode.BadRequest, "ERR_UID_ALREADY_EXISTS");
        Assert.Equal("The uid taken already exists. Please use another uid or try after permanently deleting the user.",
            r.Error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Uid_of_a_deactivated_user_is_still_taken()
    {
        await Emu.CreateUserAsync("gone");
        (await Emu.DeleteAsync("/v3/users/gone")).AssertOk();
        (await Emu.PostAsync("/v3/users", new { uid = "gone", name = "x" })).AssertError(HttpStatusCode.BadRequest, "ERR_UID_ALREADY_EXISTS");
    }

    [Fact]
    public async Task Unknown_role_gives_404_ERR_ROLE_NOT_FOUND()
    {
        var r = (await Emu.PostAsync("/v3/users", new { uid = "u", name = "n", role = "Nope" })).AssertError(HttpStatusCode.NotFound, "ERR_ROLE_NOT_FOUND");
        Assert.Equal("The role nope does not exist. Please use correct role or use create role API.", r.Error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Unicode_names_are_kept_and_counted_in_code_points()
    {
        var name = string.Concat(Enumerable.Repeat("😀", 100));
        var u = await Emu.CreateUserAsync("emoji", name);
        Assert.Equal(name, u.GetProperty("name").GetString());
        var r = await Emu.PostAsync("/v3/users", new { uid = "emoji2", name = name + "😀" });
        Assert.Contains("The name may not be greater than 100 characters.", r.AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST").Details("name"));
    }
}
