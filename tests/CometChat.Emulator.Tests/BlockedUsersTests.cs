using System.Net;

namespace CometChat.Emulator.Tests;

public sealed class BlockedUsersTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Fact]
    public async Task Block_returns_a_result_per_uid()
    {
        await Emu.CreateUserAsync("superhero1");
        await Emu.CreateUserAsync("superhero3");
        var r = (await Emu.PostAsync("/v3/users/superhero1/blockedusers", new { blockedUids = new[] { "SuperHero3", "ghost", "superhero1" } })).AssertOk().Data;
        Assert.True(r.GetProperty("superhero3").GetProperty("success").GetBoolean());
        Assert.Equal("The user with UID superhero1 has blocked user with UID superhero3 successfully.",
            r.GetProperty("superhero3").GetProperty("message").GetString());
        Assert.False(r.GetProperty("ghost").GetProperty("success").GetBoolean());
        Assert.Equal("ERR_UID_NOT_FOUND", r.GetProperty("ghost").GetProperty("code").GetString());
        Assert.False(r.GetProperty("superhero1").GetProperty("success").GetBoolean());
        Assert.Equal("ERR_CANNOT_BLOCK_SELF", r.GetProperty("superhero1").GetProperty("code").GetString());
    }

    [Fact]
    public async Task List_shows_blocked_users_with_relation_fields_and_pages()
    {
        await Emu.CreateUserAsync("me");
        foreach (var (uid, name) in new[] { ("c", "Carol"), ("a", "alice"), ("b", "Bob") })
        {
            await Emu.CreateUserAsync(uid, name);
        }
        await Emu.PostAsync("/v3/users/me/blockedusers", new { blockedUids = new[] { "c", "a", "b" } });
        await Emu.PostAsync("/v3/users/b/blockedusers", new { blockedUids = new[] { "me" } });
        var r = (await Emu.GetAsync("/v3/users/me/blockedusers?perPage=2")).AssertOk();
        Assert.Equal(["a", "b"], r.Data.EnumerateArray().Select(u => u.GetProperty("uid").GetString()));
        var first = r.Data[0];
        Assert.True(first.GetProperty("blockedByMe").GetBoolean());
        Assert.Equal(first.GetProperty("blockedByMeAt").GetInt64(), first.GetProperty("blockedAt").GetInt64());
        Assert.Equal("a_user_me", first.GetProperty("conversationId").GetString());
        Assert.True(r.Data[1].GetProperty("hasBlockedMe").GetBoolean());
        var p = r.Json.GetProperty("meta").GetProperty("pagination");
        Assert.Equal(3, p.GetProperty("total").GetInt32());
        Assert.Equal(2, p.GetProperty("total_pages").GetInt32());
        Assert.True(r.Json.GetProperty("meta").TryGetProperty("cursor", out _));
        var page2 = (await Emu.GetAsync("/v3/users/me/blockedusers?perPage=2&page=2")).AssertOk();
        Assert.Equal(["c"], page2.Data.EnumerateArray().Select(u => u.GetProperty("uid").GetString()));
    }

    [Fact]
    public async Task Unblock_removes_the_relation_and_is_idempotent()
    {
        await Emu.CreateUserAsync("me");
        await Emu.CreateUserAsync("you");
        await Emu.PostAsync("/v3/users/me/blockedusers", new { blockedUids = new[] { "you" } });
        var r = (await Emu.DeleteAsync("/v3/users/me/blockedusers", new { blockedUids = new[] { "you" } })).AssertOk().Data;
        Assert.Equal("The user with UID me has unblocked user with UID you successfully.", r.GetProperty("you").GetProperty("message").GetString());
        Assert.Equal(0, (await Emu.GetAsync("/v3/users/me/blockedusers")).Data.GetArrayLength());
        Assert.True((await Emu.DeleteAsync("/v3/users/me/blockedusers", new { blockedUids = new[] { "you" } })).AssertOk()
            .Data.GetProperty("you").GetProperty("success").GetBoolean());
    }

    [Theory]
    [InlineData("POST", """{"blockedUids":[" "]}""", "blockedUids.0")]
    [InlineData("POST", """{"blockedUids":[]}""", "blockedUids")]
    [InlineData("POST", "{}", "blockedUids")]
    [InlineData("DELETE", """{"blockedUids":"you"}""", "blockedUids")]
    [InlineData("DELETE", """{"blockedUids":[null]}""", "blockedUids.0")]
    public async Task Blank_or_missing_uids_give_400(string method, string body, string key)
    {
        await Emu.CreateUserAsync("me");
        var r = (await Emu.SendAsync(method, "/v3/users/me/blockedusers", body)).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
        Assert.NotEmpty(r.Details(key));
    }

    [Fact]
    public async Task Unknown_path_uid_gives_404()
    {
        await Emu.CreateUserAsync("you");
        (await Emu.PostAsync("/v3/users/ghost/blockedusers", new { blockedUids = new[] { "you" } })).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
        (await Emu.GetAsync("/v3/users/ghost/blockedusers")).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
    }
}
