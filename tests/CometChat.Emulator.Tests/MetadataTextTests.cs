using System.Net;

namespace CometChat.Emulator.Tests;

/// <summary>Metadata sent as a string holding a JSON object, as clients that type it as a string send it.</summary>
public sealed class MetadataTextTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    private const string EmailText = """{"email":"user@email.com", "contactNumber":"0123456789"}""";

    [Fact]
    public async Task Create_reads_the_string_as_the_object_it_holds()
    {
        var created = await Emu.CreateUserAsync("u", "U", new { metadata = EmailText });
        Assert.Equal("user@email.com", created.GetProperty("metadata").GetProperty("email").GetString());
        var stored = (await Emu.GetAsync("/v3/users/u")).Data.GetProperty("metadata");
        Assert.Equal("""{"email":"user@email.com","contactNumber":"0123456789"}""", stored.GetRawText());
    }

    [Fact]
    public async Task Update_reads_the_string_as_the_object_it_holds_as_the_live_tests_send_it()
    {
        await Emu.CreateUserAsync("u", "U", new { metadata = new { old = true } });
        var updated = (await Emu.PutAsync("/v3/users/u", new { name = "New", metadata = EmailText })).AssertOk().Data;
        Assert.Equal("""{"email":"user@email.com","contactNumber":"0123456789"}""", updated.GetProperty("metadata").GetRawText());
    }

    [Fact]
    public async Task A_string_holding_an_empty_object_is_no_metadata_like_the_empty_object()
    {
        await Emu.CreateUserAsync("u", "U", new { metadata = new { k = 1 } });
        var updated = (await Emu.PutAsync("/v3/users/u", new { metadata = "{}" })).AssertOk().Data;
        Assert.False(updated.TryGetProperty("metadata", out _));
    }

    [Fact]
    public async Task Import_reads_it_too()
    {
        var users = new Dictionary<string, object> { ["imp"] = new { uid = "imp", name = "Imp", metadata = EmailText } };
        var result = (await Emu.PostAsync("/v3/data_import/users", new { users })).AssertOk().Data.GetProperty("imp");
        Assert.True(result.GetProperty("success").GetBoolean(), result.GetRawText());
        Assert.Equal("0123456789", result.GetProperty("data").GetProperty("metadata").GetProperty("contactNumber").GetString());
    }

    [Fact]
    public async Task Roles_take_metadata_as_text_too()
    {
        var role = (await Emu.PostAsync("/v3/roles", new { role = "r", name = "R", metadata = """{"tier":2}""" })).AssertOk().Data;
        Assert.Equal(2, role.GetProperty("metadata").GetProperty("tier").GetInt32());
        var updated = (await Emu.PutAsync("/v3/roles/r", new { metadata = """{"tier":3}""" })).AssertOk().Data;
        Assert.Equal(3, updated.GetProperty("metadata").GetProperty("tier").GetInt32());
    }

    [Fact]
    public async Task The_size_limit_applies_to_the_object_the_string_holds()
    {
        var text = "{\"k\":\"" + new string('m', 5200) + "\"}";
        var r = (await Emu.PostAsync("/v3/users", new { uid = "u", name = "U", metadata = text })).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
        Assert.Equal(["The metadata may not be greater than 5120 bytes."], r.Details("metadata"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"a\":")]
    public async Task Any_other_string_is_refused(string text)
    {
        var r = (await Emu.PostAsync("/v3/users", new { uid = "u", name = "U", metadata = text })).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
        Assert.Equal(["The metadata must be a JSON object, or a string holding one."], r.Details("metadata"));
        (await Emu.PutAsync("/v3/users/u", new { metadata = text })).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
    }
}
