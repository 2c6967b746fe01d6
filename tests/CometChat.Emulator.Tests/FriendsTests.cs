using System.Net;

namespace CometChat.Emulator.Tests;

public sealed class FriendsTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    private static string[] Uids(ApiResponse r) => r.Data.EnumerateArray().Select(u => u.GetProperty("uid").GetString()!).ToArray();

    [Fact]
    public async Task Add_returns_a_result_per_uid_like_the_official_example()
    {
        foreach (var uid in new[] { "superhero1", "superhero2", "superhero3" })
        {
            await Emu.CreateUserAsync(uid);
        }
        var r = (await Emu.PostAsync("/v3/users/superhero1/friends", new { accepted = new[] { "superhero2", "SuperHero3" } })).AssertOk();
        Assert.Equal(
            """{"accepted":{"superhero2":{"success":true,"message":"Created relationship with status accepted."},"superhero3":{"success":true,"message":"Created relationship with status accepted."}}}""",
            r.Data.GetRawText());
    }

    [Fact]
    public async Task Failures_are_reported_per_uid()
    {
        await Emu.CreateUserAsync("me");
        await Emu.CreateUserAsync("you");
        await Emu.PostAsync("/v3/users/me/friends", new { accepted = new[] { "you" } });
        var r = (await Emu.PostAsync("/v3/users/me/friends", new { accepted = new[] { "you", "me", "ghost" } })).AssertOk().Data.GetProperty("accepted");
        Assert.Equal("ERR_ALREADY_FRIEND", r.GetProperty("you").GetProperty("code").GetString());
        Assert.Equal("ERR_CANNOT_FORM_SELF_RELATION", r.GetProperty("me").GetProperty("code").GetString());
        Assert.Equal("ERR_UID_NOT_FOUND", r.GetProperty("ghost").GetProperty("code").GetString());
        Assert.All(r.EnumerateObject(), p => Assert.False(p.Value.GetProperty("success").GetBoolean()));
    }

    [Fact]
    public async Task Friendship_goes_both_ways_and_lists_page_and_search()
    {
        await Emu.CreateUserAsync("me", "Me");
        foreach (var (uid, name) in new[] { ("c", "Carol"), ("a", "alice"), ("b", "Bob"), ("x", "Xavier") })
        {
            await Emu.CreateUserAsync(uid, name);
        }
        await Emu.PostAsync("/v3/users/me/friends", new { accepted = new[] { "c", "a", "b" } });
        await Emu.PostAsync("/v3/users/me/blockedusers", new { blockedUids = new[] { "b" } });

        var page = (await Emu.GetAsync("/v3/users/me/friends?perPage=2")).AssertOk();
        Assert.Equal(["a", "b"], Uids(page));
        Assert.Equal(3, page.Json.GetProperty("meta").GetProperty("pagination").GetProperty("total").GetInt32());
        Assert.Equal("a_user_me", page.Data[0].GetProperty("conversationId").GetString());
        Assert.False(page.Data[0].TryGetProperty("blockedByMe", out _));
        Assert.True(page.Data[1].GetProperty("blockedByMe").GetBoolean());
        Assert.True(page.Json.GetProperty("meta").TryGetProperty("cursor", out _));

        Assert.Equal(["me"], Uids(await Emu.GetAsync("/v3/users/c/friends")));
        Assert.Equal(["c"], Uids(await Emu.GetAsync("/v3/users/me/friends?searchKey=CA")));
        Assert.Empty(Uids(await Emu.GetAsync("/v3/users/x/friends")));
    }

    [Fact]
    public async Task Remove_ends_friendships_both_ways()
    {
        await Emu.CreateUserAsync("me");
        await Emu.CreateUserAsync("you");
        await Emu.PostAsync("/v3/users/me/friends", new { accepted = new[] { "you" } });
        var r = (await Emu.DeleteAsync("/v3/users/you/friends", new { friends = new[] { "ME", "nobody" } })).AssertOk().Data;
        Assert.Equal("""{"success":true,"message":"Deleted the friend relations succussfully"}""", r.GetRawText());
        Assert.Empty(Uids(await Emu.GetAsync("/v3/users/me/friends")));
    }

    [Fact]
    public async Task Permanent_delete_and_reset_remove_friendships()
    {
        await Emu.CreateUserAsync("me");
        await Emu.CreateUserAsync("you");
        await Emu.PostAsync("/v3/users/me/friends", new { accepted = new[] { "you" } });
        await Emu.DeleteAsync("/v3/users/you", new { permanent = true });
        Assert.Empty(Uids(await Emu.GetAsync("/v3/users/me/friends")));
        await Emu.CreateUserAsync("you");
        Assert.Empty(Uids(await Emu.GetAsync("/v3/users/you/friends")));
    }

    [Theory]
    [InlineData("POST", "{}", "accepted")]
    [InlineData("POST", """{"accepted":[]}""", "accepted")]
    [InlineData("POST", """{"accepted":[" "]}""", "accepted.0")]
    [InlineData("DELETE", """{"friends":"you"}""", "friends")]
    [InlineData("DELETE", """{"friends":[1]}""", "friends.0")]
    public async Task Bad_bodies_give_400(string method, string body, string key)
    {
        await Emu.CreateUserAsync("me");
        var r = (await Emu.SendAsync(method, "/v3/users/me/friends", body)).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
        Assert.NotEmpty(r.Details(key));
    }

    [Fact]
    public async Task Unknown_user_gives_404()
    {
        (await Emu.GetAsync("/v3/users/ghost/friends")).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
        (await Emu.PostAsync("/v3/users/ghost/friends", new { accepted = new[] { "x" } })).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
        (await Emu.DeleteAsync("/v3/users/ghost/friends", new { friends = new[] { "x" } })).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
        (await Emu.GetAsync("/v3/users/ghost/friends", key: TestEmulator.AuthOnlyKey)).AssertError(HttpStatusCode.Forbidden, "AUTH_ERR_NO_ACCESS");
    }
}
