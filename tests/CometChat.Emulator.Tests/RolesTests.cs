using System.Net;

namespace CometChat.Emulator.Tests;

public sealed class RolesTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Fact]
    public async Task Default_role_exists()
    {
        var r = (await Emu.GetAsync("/v3/roles/default")).AssertOk().Data;
        Assert.Equal("default", r.GetProperty("role").GetString());
        Assert.Equal("Default Role", r.GetProperty("name").GetString());
        Assert.Equal("This role gives full access ", r.GetProperty("description").GetString());
        Assert.True(r.GetProperty("createdAt").GetInt64() > 1_600_000_000);
    }

    [Fact]
    public async Task Create_returns_the_role_like_the_official_example()
    {
        var r = (await Emu.PostAsync("/v3/roles", """
            {"role": "Manager", "name": "manager", "description": "This role gives an update access",
             "metadata": {"email": "managers@gmail.com"}, "settings": {"listUsers": "all", "sendMessagesTo": "friendsOnly"}}
            """)).AssertOk().Data;
        Assert.Equal("manager", r.GetProperty("role").GetString());
        Assert.Equal("managers@gmail.com", r.GetProperty("metadata").GetProperty("email").GetString());
        Assert.Equal("friendsOnly", r.GetProperty("settings").GetProperty("sendMessagesTo").GetString());
        Assert.False(r.TryGetProperty("updatedAt", out _));
        Assert.Equal(r.GetRawText(), (await Emu.GetAsync("/v3/roles/MANAGER")).Data.GetRawText());
    }

    [Theory]
    [InlineData("""{"name":"n"}""", "role")]
    [InlineData("""{"role":"a b","name":"n"}""", "role")]
    [InlineData("""{"role":"r"}""", "name")]
    [InlineData("""{"role":"r","name":"n","settings":{"listUsers":"some"}}""", "settings.listUsers")]
    [InlineData("""{"role":"r","name":"n","settings":{"other":"all"}}""", "settings.other")]
    [InlineData("""{"role":"r","name":"n","settings":"all"}""", "settings")]
    [InlineData("""{"role":"r","name":"n","metadata":1}""", "metadata")]
    public async Task Create_validates(string body, string key)
    {
        var r = (await Emu.PostAsync("/v3/roles", body)).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
        Assert.NotEmpty(r.Details(key));
    }

    [Fact]
    public async Task Description_over_255_characters_is_rejected()
    {
        var r = await Emu.PostAsync("/v3/roles", new { role = "r", name = "n", description = new string('d', 256) });
        Assert.Equal(["The description may not be greater than 255 characters."],
            r.AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST").Details("description"));
    }

    [Fact]
    public async Task Duplicate_role_and_the_26th_role_are_rejected()
    {
        (await Emu.PostAsync("/v3/roles", new { role = "r0", name = "n" })).AssertOk();
        var dup = (await Emu.PostAsync("/v3/roles", new { role = "R0", name = "n" })).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
        Assert.Equal(["The role has already been taken."], dup.Details("role"));
        for (var i = 1; i < 24; i++)
        {
            (await Emu.PostAsync("/v3/roles", new { role = $"r{i}", name = "n" })).AssertOk();
        }
        var over = (await Emu.PostAsync("/v3/roles", new { role = "r24", name = "n" })).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
        Assert.Equal(["An app may not have more than 25 roles."], over.Details("role"));
    }

    [Fact]
    public async Task List_pages_roles_in_id_order()
    {
        foreach (var id in new[] { "zeta", "alpha", "mid" })
        {
            await Emu.PostAsync("/v3/roles", new { role = id, name = id });
        }
        var all = (await Emu.GetAsync("/v3/roles")).AssertOk();
        Assert.Equal(["alpha", "default", "mid", "zeta"], all.Data.EnumerateArray().Select(r => r.GetProperty("role").GetString()));
        var page = (await Emu.GetAsync("/v3/roles?perPage=3&page=2")).AssertOk();
        Assert.Equal(["zeta"], page.Data.EnumerateArray().Select(r => r.GetProperty("role").GetString()));
        var p = page.Json.GetProperty("meta").GetProperty("pagination");
        Assert.Equal(4, p.GetProperty("total").GetInt32());
        Assert.Equal(1, p.GetProperty("count").GetInt32());
        Assert.Equal(2, p.GetProperty("total_pages").GetInt32());
        (await Emu.GetAsync("/v3/roles?perPage=0")).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
    }

    [Fact]
    public async Task Update_changes_and_unsets_fields()
    {
        await Emu.PostAsync("/v3/roles", new { role = "r", name = "n", description = "d", metadata = new { a = 1 }, settings = new { listUsers = "all" } });
        var r = (await Emu.PutAsync("/v3/roles/r", new { name = "New", unset = new[] { "settings", "description" }, metadata = new { b = 2 } })).AssertOk().Data;
        Assert.Equal("New", r.GetProperty("name").GetString());
        Assert.False(r.TryGetProperty("settings", out _));
        Assert.False(r.TryGetProperty("description", out _));
        Assert.Equal("""{"b":2}""", r.GetProperty("metadata").GetRawText());
        Assert.True(r.TryGetProperty("updatedAt", out _));
        var bad = (await Emu.PutAsync("/v3/roles/r", new { unset = new[] { "name" } })).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
        Assert.NotEmpty(bad.Details("unset.0"));
        (await Emu.PutAsync("/v3/roles/nope", new { name = "x" })).AssertError(HttpStatusCode.NotFound, "ERR_ROLE_NOT_FOUND");
    }

    [Fact]
    public async Task Delete_removes_a_role_and_moves_its_users_to_default()
    {
        await Emu.PostAsync("/v3/roles", new { role = "manager", name = "manager" });
        await Emu.CreateUserAsync("u", "U", new { role = "manager" });
        var r = (await Emu.DeleteAsync("/v3/roles/manager")).AssertOk().Data;
        Assert.Equal("Role manager has been deleted successfully.", r.GetProperty("message").GetString());
        Assert.True(r.GetProperty("success").GetBoolean());
        (await Emu.GetAsync("/v3/roles/manager")).AssertError(HttpStatusCode.NotFound, "ERR_ROLE_NOT_FOUND");
        Assert.Equal("default", (await Emu.GetAsync("/v3/users/u")).Data.GetProperty("role").GetString());
        (await Emu.DeleteAsync("/v3/roles/manager")).AssertError(HttpStatusCode.NotFound, "ERR_ROLE_NOT_FOUND");
    }

    [Fact]
    public async Task Default_role_cannot_be_deleted()
    {
        (await Emu.DeleteAsync("/v3/roles/Default")).AssertError(HttpStatusCode.BadRequest, "ERR_ROLE_DELETE_DENIED");
        (await Emu.GetAsync("/v3/roles/default")).AssertOk();
    }

    [Fact]
    public async Task Reset_removes_custom_roles_and_restores_the_default_role()
    {
        await Emu.PostAsync("/v3/roles", new { role = "custom", name = "c" });
        await Emu.PutAsync("/v3/roles/default", new { name = "Changed" });
        await Emu.ResetAsync();
        (await Emu.GetAsync("/v3/roles/custom")).AssertError(HttpStatusCode.NotFound, "ERR_ROLE_NOT_FOUND");
        Assert.Equal("Default Role", (await Emu.GetAsync("/v3/roles/default")).Data.GetProperty("name").GetString());
    }
}
