using System.Net;

namespace CometChat.Emulator.Tests;

public sealed class UsersDeleteTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Fact]
    public async Task Delete_without_permanent_deactivates()
    {
        await Emu.CreateUserAsync("cometchat-uid-6");
        var r = (await Emu.DeleteAsync("/v3/users/CometChat-UID-6")).AssertOk();
        Assert.Equal("""{"deactivatedUids":["cometchat-uid-6"]}""", r.Data.GetRawText());
        Assert.Equal(0, (await Emu.GetAsync("/v3/users")).Data.GetArrayLength());
        var listed = (await Emu.GetAsync("/v3/users?withDeactivated=true")).Data;
        Assert.True(listed[0].GetProperty("deactivatedAt").GetInt64() > 0);
    }

    [Fact]
    public async Task Delete_with_permanent_false_deactivates_and_again_reports_already_deactivated()
    {
        await Emu.CreateUserAsync("u");
        (await Emu.DeleteAsync("/v3/users/u", new { permanent = false })).AssertOk();
        var again = (await Emu.DeleteAsync("/v3/users/u", new { permanent = false })).AssertOk();
        Assert.Equal("""{"alreadyDeactivatedUids":["u"]}""", again.Data.GetRawText());
    }

    [Fact]
    public async Task Permanent_delete_removes_the_user_tokens_and_blocks_and_frees_the_uid()
    {
        await Emu.CreateUserAsync("cometchat-uid-6", "A", new { withAuthToken = true });
        await Emu.CreateUserAsync("other");
        await Emu.PostAsync("/v3/users/other/blockedusers", new { blockedUids = new[] { "cometchat-uid-6" } });
        var r = (await Emu.DeleteAsync("/v3/users/cometchat-uid-6", new { permanent = true })).AssertOk();
        Assert.True(r.Data.GetProperty("success").GetBoolean());
        Assert.Equal("User with cometchat-uid-6 has been deleted successfully.", r.Data.GetProperty("message").GetString());
        Assert.Equal(0, (await Emu.GetAsync("/v3/users/other/blockedusers")).Data.GetArrayLength());
        Assert.Equal(0, (await Emu.GetAsync("/v3/users?withDeactivated=true")).Data.EnumerateArray()
            .Count(u => u.GetProperty("uid").GetString() == "cometchat-uid-6"));

        await Emu.CreateUserAsync("cometchat-uid-6", "Again");
        Assert.Equal(0, (await Emu.GetAsync("/v3/users/cometchat-uid-6/auth_tokens")).Data.GetArrayLength());
    }

    [Fact]
    public async Task Permanent_delete_works_on_a_deactivated_user()
    {
        await Emu.CreateUserAsync("u");
        await Emu.DeleteAsync("/v3/users/u");
        (await Emu.DeleteAsync("/v3/users/u", new { permanent = true })).AssertOk();
        (await Emu.DeleteAsync("/v3/users/u", new { permanent = true })).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
    }

    [Fact]
    public async Task Delete_unknown_uid_gives_404_with_lowercased_uid()
    {
        var r = (await Emu.DeleteAsync("/v3/users/GHOST")).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
        Assert.Contains("UID ghost does not exist", r.Error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Delete_with_non_boolean_permanent_gives_400()
    {
        await Emu.CreateUserAsync("u");
        var r = (await Emu.DeleteAsync("/v3/users/u", new { permanent = "yes" })).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
        Assert.Equal(["The permanent field must be true or false."], r.Details("permanent"));
        (await Emu.GetAsync("/v3/users/u")).AssertOk();
    }

    [Fact]
    public async Task Bulk_deactivate_sorts_uids_into_buckets()
    {
        await Emu.CreateUserAsync("a");
        await Emu.CreateUserAsync("b");
        await Emu.DeleteAsync("/v3/users/b");
        var r = (await Emu.DeleteAsync("/v3/users", new { uidsToDeactivate = new[] { "A", "b", "Nope" } })).AssertOk();
        Assert.Equal("""{"deactivatedUids":["a"],"alreadyDeactivatedUids":["b"],"notFound":["Nope"]}""", r.Data.GetRawText());
        (await Emu.GetAsync("/v3/users/a")).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
    }

    [Fact]
    public async Task Bulk_reactivate_sorts_uids_into_buckets_and_omits_empty_ones()
    {
        await Emu.CreateUserAsync("a");
        await Emu.CreateUserAsync("c");
        await Emu.DeleteAsync("/v3/users/a");
        var r = (await Emu.PutAsync("/v3/users", new { uidsToActivate = new[] { "a", "c", "InvalidUID" } })).AssertOk();
        Assert.Equal("""{"reactivatedUids":["a"],"nonDeactivatedUids":["c"],"notFound":["InvalidUID"]}""", r.Data.GetRawText());
        (await Emu.GetAsync("/v3/users/a")).AssertOk();
        var only = (await Emu.PutAsync("/v3/users", new { uidsToActivate = new[] { "InvalidUID" } })).AssertOk();
        Assert.Equal("""{"notFound":["InvalidUID"]}""", only.Data.GetRawText());
    }

    [Theory]
    [InlineData("DELETE", "{}", "uidsToDeactivate")]
    [InlineData("DELETE", """{"uidsToDeactivate":[]}""", "uidsToDeactivate")]
    [InlineData("DELETE", """{"uidsToDeactivate":"a"}""", "uidsToDeactivate")]
    [InlineData("PUT", "{}", "uidsToActivate")]
    [InlineData("PUT", """{"uidsToActivate":[1]}""", "uidsToActivate.0")]
    public async Task Bulk_calls_require_a_uid_list(string method, string body, string key)
    {
        var r = (await Emu.SendAsync(method, "/v3/users", body)).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
        Assert.NotEmpty(r.Details(key));
    }
}
