using System.Net;

namespace CometChat.Emulator.Tests;

/// <summary>
/// Query strings as other clients write them: arrays in bracket form (PHP's <c>http_build_query</c>, axios),
/// booleans as 1/0, and <c>page=0</c>.
/// </summary>
public sealed class QueryDialectTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    private static string[] Uids(ApiResponse r) => r.AssertOk().Data.EnumerateArray().Select(u => u.GetProperty("uid").GetString()!).Order().ToArray();

    private async Task ArrangeAsync()
    {
        (await Emu.PostAsync("/v3/roles", new { role = "staff", name = "Staff" })).AssertOk();
        (await Emu.PostAsync("/v3/roles", new { role = "guest", name = "Guest" })).AssertOk();
        await Emu.CreateUserAsync("ann", "Ann", new { tags = new[] { "red" }, role = "staff" });
        await Emu.CreateUserAsync("bob", "Bob", new { tags = new[] { "blue" }, role = "guest" });
        await Emu.CreateUserAsync("cat", "Kitty", new { tags = new[] { "green" } });
    }

    /// <summary>Gives ann two of everything that has a list: tokens, blocked users, friends.</summary>
    private async Task ArrangeListsAsync()
    {
        await ArrangeAsync();
        (await Emu.PostAsync("/v3/users/ann/auth_tokens", new { force = true })).AssertOk();
        (await Emu.PostAsync("/v3/users/ann/auth_tokens", new { force = true })).AssertOk();
        (await Emu.PostAsync("/v3/users/ann/blockedusers", new { blockedUids = new[] { "bob", "cat" } })).AssertOk();
        (await Emu.PostAsync("/v3/users/ann/friends", new { accepted = new[] { "bob", "cat" } })).AssertOk();
    }

    [Theory]
    [InlineData("tags[]=red&tags[]=blue")]
    [InlineData("tags%5B%5D=red&tags%5B%5D=blue")]
    [InlineData("tags[0]=red&tags[1]=blue")]
    [InlineData("tags[]=red,blue")]
    [InlineData("tags=red&tags[]=blue")]
    public async Task Bracket_form_tags_filter_like_repeated_keys(string query)
    {
        await ArrangeAsync();
        Assert.Equal(Uids(await Emu.GetAsync("/v3/users?tags=red&tags=blue")), Uids(await Emu.GetAsync("/v3/users?" + query)));
        Assert.Equal(["ann", "bob"], Uids(await Emu.GetAsync("/v3/users?" + query)));
    }

    [Theory]
    [InlineData("roles[]=staff&roles[]=guest", new[] { "ann", "bob" })]
    [InlineData("roles[0]=guest", new[] { "bob" })]
    [InlineData("searchKey=c&searchIn[]=name", new string[0])]
    [InlineData("searchKey=k&searchIn[0]=uid", new string[0])]
    [InlineData("searchKey=k&searchIn[0]=uid&searchIn[1]=name", new[] { "cat" })]
    public async Task Bracket_form_roles_and_searchIn_filter(string query, string[] expected)
    {
        await ArrangeAsync();
        Assert.Equal(expected, Uids(await Emu.GetAsync("/v3/users?" + query)));
    }

    [Theory]
    [InlineData("searchIn[]=email")]
    [InlineData("searchIn[3]=email")]
    public async Task Bracket_form_values_are_validated_too(string query) =>
        Assert.NotEmpty((await Emu.GetAsync("/v3/users?" + query)).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST").Details("searchIn"));

    [Theory]
    [InlineData("tags[x]=red")]
    [InlineData("tags[1a]=red")]
    [InlineData("tagsx[]=red")]
    public async Task Other_bracket_keys_are_unknown_parameters_and_ignored(string query)
    {
        await ArrangeAsync();
        Assert.Equal(3, (await Emu.GetAsync("/v3/users?" + query)).AssertOk().Data.GetArrayLength());
    }

    [Fact]
    public async Task One_and_zero_are_booleans()
    {
        await ArrangeAsync();
        (await Emu.DeleteAsync("/v3/users/cat")).AssertOk();
        var withTags = (await Emu.GetAsync("/v3/users?withTags=1")).AssertOk().Data[0];
        Assert.True(withTags.TryGetProperty("tags", out _));
        Assert.False((await Emu.GetAsync("/v3/users?withTags=0")).Data[0].TryGetProperty("tags", out _));
        Assert.Equal(["ann", "bob", "cat"], Uids(await Emu.GetAsync("/v3/users?withDeactivated=1")));
        Assert.Equal(["ann", "bob"], Uids(await Emu.GetAsync("/v3/users?withDeactivated=0")));
        Assert.Equal(["cat"], Uids(await Emu.GetAsync("/v3/users?onlyDeactivated=1&count=0")));
        Assert.Equal(["ann", "bob"], Uids(await Emu.GetAsync("/v3/users?onlyDeactivated=0&count=1")));
    }

    [Theory]
    [InlineData("/v3/users")]
    [InlineData("/v3/roles")]
    [InlineData("/v3/users/ann/auth_tokens")]
    [InlineData("/v3/users/ann/blockedusers")]
    [InlineData("/v3/users/ann/friends")]
    public async Task Page_0_is_page_1_on_every_list(string path)
    {
        await ArrangeListsAsync();
        var first = (await Emu.GetAsync(path + "?perPage=1&page=1")).AssertOk();
        var zero = (await Emu.GetAsync(path + "?perPage=1&page=0")).AssertOk();
        Assert.Equal(1, zero.Data.GetArrayLength());
        Assert.Equal(first.Data.GetRawText(), zero.Data.GetRawText());
        Assert.Equal(1, zero.Json.GetProperty("meta").GetProperty("pagination").GetProperty("current_page").GetInt32());
    }
}
