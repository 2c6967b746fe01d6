using System.Net;
using System.Text.RegularExpressions;

namespace CometChat.Emulator.Tests;

public sealed class AuthTokensTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Fact]
    public async Task Create_returns_a_token_in_the_documented_format()
    {
        await Emu.CreateUserAsync("superhero1");
        var t = (await Emu.PostAsync("/v3/users/SuperHero1/auth_tokens", "")).AssertOk().Data;
        Assert.Equal("superhero1", t.GetProperty("uid").GetString());
        var createdAt = t.GetProperty("createdAt").GetInt64();
        Assert.Matches(new Regex($"^superhero1_{createdAt}[0-9a-f]{{30}}$"), t.GetProperty("authToken").GetString());
    }

    [Fact]
    public async Task Without_force_the_newest_token_is_returned_and_force_creates_one()
    {
        await Emu.CreateUserAsync("u");
        var first = (await Emu.PostAsync("/v3/users/u/auth_tokens", new { })).Data.GetProperty("authToken").GetString();
        var again = (await Emu.PostAsync("/v3/users/u/auth_tokens", new { force = false })).Data.GetProperty("authToken").GetString();
        Assert.Equal(first, again);
        var forced = (await Emu.PostAsync("/v3/users/u/auth_tokens", new { force = true })).Data.GetProperty("authToken").GetString();
        Assert.NotEqual(first, forced);
        var newest = (await Emu.PostAsync("/v3/users/u/auth_tokens", null)).Data.GetProperty("authToken").GetString();
        Assert.Equal(forced, newest);
        Assert.Equal(2, (await Emu.GetAsync("/v3/users/u/auth_tokens")).Data.GetArrayLength());
    }

    [Fact]
    public async Task Create_for_unknown_user_gives_404_and_bad_force_gives_400()
    {
        (await Emu.PostAsync("/v3/users/ghost/auth_tokens", new { })).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
        await Emu.CreateUserAsync("u");
        (await Emu.PostAsync("/v3/users/u/auth_tokens", new { force = 1 })).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
    }

    [Fact]
    public async Task A_user_keeps_at_most_100_tokens_dropping_the_oldest()
    {
        await Emu.CreateUserAsync("u");
        var tokens = new List<string>();
        for (var i = 0; i < 101; i++)
        {
            tokens.Add((await Emu.PostAsync("/v3/users/u/auth_tokens", new { force = true })).Data.GetProperty("authToken").GetString()!);
        }
        var list = (await Emu.GetAsync("/v3/users/u/auth_tokens?perPage=1000")).AssertOk();
        Assert.Equal(100, list.Json.GetProperty("meta").GetProperty("pagination").GetProperty("total").GetInt32());
        var listed = list.Data.EnumerateArray().Select(t => t.GetProperty("authToken").GetString()).ToList();
        Assert.DoesNotContain(tokens[0], listed);
        Assert.Equal(tokens.Skip(1), listed);
        (await Emu.GetAsync($"/v3/users/u/auth_tokens/{tokens[0]}")).AssertError(HttpStatusCode.NotFound, "ERR_AUTH_TOKEN_NOT_FOUND");
        var page = (await Emu.GetAsync("/v3/users/u/auth_tokens?perPage=30&page=4")).AssertOk();
        Assert.Equal(10, page.Data.GetArrayLength());
        Assert.Equal(4, page.Json.GetProperty("meta").GetProperty("pagination").GetProperty("total_pages").GetInt32());
    }

    [Fact]
    public async Task Get_update_and_delete_one_token()
    {
        await Emu.CreateUserAsync("u");
        var token = (await Emu.PostAsync("/v3/users/u/auth_tokens", new { })).Data.GetProperty("authToken").GetString();
        Assert.Equal(token, (await Emu.GetAsync($"/v3/users/u/auth_tokens/{token}")).AssertOk().Data.GetProperty("authToken").GetString());

        var updated = (await Emu.PutAsync($"/v3/users/u/auth_tokens/{token}", new { platform = "web", userAgent = "Pester", appInfo = new { version = "1.0" } })).AssertOk().Data;
        Assert.Equal("web", updated.GetProperty("platform").GetString());
        Assert.Equal("Pester", updated.GetProperty("userAgent").GetString());
        Assert.Equal("1.0", updated.GetProperty("appInfo").GetProperty("version").GetString());
        (await Emu.PutAsync($"/v3/users/u/auth_tokens/{token}", new { appInfo = "x" })).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");

        var deleted = (await Emu.DeleteAsync($"/v3/users/u/auth_tokens/{token}")).AssertOk().Data;
        Assert.True(deleted.GetProperty("success").GetBoolean());
        (await Emu.GetAsync($"/v3/users/u/auth_tokens/{token}")).AssertError(HttpStatusCode.NotFound, "ERR_AUTH_TOKEN_NOT_FOUND");
        (await Emu.DeleteAsync($"/v3/users/u/auth_tokens/{token}")).AssertError(HttpStatusCode.NotFound, "ERR_AUTH_TOKEN_NOT_FOUND");
        (await Emu.PutAsync($"/v3/users/u/auth_tokens/{token}", new { platform = "web" })).AssertError(HttpStatusCode.NotFound, "ERR_AUTH_TOKEN_NOT_FOUND");
    }

    [Fact]
    public async Task Token_of_another_user_or_unknown_user_is_not_found()
    {
        await Emu.CreateUserAsync("a");
        await Emu.CreateUserAsync("b");
        var token = (await Emu.PostAsync("/v3/users/a/auth_tokens", new { })).Data.GetProperty("authToken").GetString();
        (await Emu.GetAsync($"/v3/users/b/auth_tokens/{token}")).AssertError(HttpStatusCode.NotFound, "ERR_AUTH_TOKEN_NOT_FOUND");
        (await Emu.GetAsync($"/v3/users/ghost/auth_tokens/{token}")).AssertError(HttpStatusCode.NotFound, "ERR_AUTH_TOKEN_NOT_FOUND");
        (await Emu.GetAsync("/v3/users/ghost/auth_tokens")).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
    }

    [Fact]
    public async Task Flush_removes_all_tokens()
    {
        await Emu.CreateUserAsync("superhero1", "S", new { withAuthToken = true });
        await Emu.PostAsync("/v3/users/superhero1/auth_tokens", new { force = true });
        var r = (await Emu.DeleteAsync("/v3/users/superhero1/auth_tokens")).AssertOk().Data;
        Assert.Equal("Cleared Auth Tokens successfully for uid superhero1.", r.GetProperty("message").GetString());
        Assert.Equal(0, (await Emu.GetAsync("/v3/users/superhero1/auth_tokens")).Data.GetArrayLength());
        (await Emu.DeleteAsync("/v3/users/ghost/auth_tokens")).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
    }

    [Fact]
    public async Task WithAuthToken_on_create_stores_the_token()
    {
        var token = (await Emu.CreateUserAsync("u", "U", new { withAuthToken = true })).GetProperty("authToken").GetString();
        (await Emu.GetAsync($"/v3/users/u/auth_tokens/{token}")).AssertOk();
    }
}
