using System.Net;
using System.Text.Json;

namespace CometChat.Emulator.Tests;

public sealed class UsersListTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    private static string[] Uids(ApiResponse r) => r.Data.EnumerateArray().Select(u => u.GetProperty("uid").GetString()!).ToArray();

    private static JsonElement Pagination(ApiResponse r) => r.Json.GetProperty("meta").GetProperty("pagination");

    [Fact]
    public async Task Order_is_by_name_then_uid_case_insensitive()
    {
        await Emu.CreateUserAsync("u3", "bob");
        await Emu.CreateUserAsync("u1", "Bob");
        await Emu.CreateUserAsync("b2", "alice");
        await Emu.CreateUserAsync("a9", "Carol");
        await Emu.CreateUserAsync("a1", "bob");
        Assert.Equal(["b2", "u1", "a1", "u3", "a9"], Uids(await Emu.GetAsync("/v3/users")));
    }

    [Theory]
    [InlineData(7, 3, 1, 3, 3)]
    [InlineData(7, 3, 3, 1, 3)]
    [InlineData(7, 3, 4, 0, 3)]
    [InlineData(6, 3, 2, 3, 2)]
    [InlineData(0, 5, 1, 0, 1)]
    [InlineData(7, 100, 1, 7, 1)]
    public async Task Pagination_reports_true_values(int users, int perPage, int page, int count, int totalPages)
    {
        for (var i = 0; i < users; i++)
        {
            await Emu.CreateUserAsync($"user{i}", $"User {i}");
        }
        var r = (await Emu.GetAsync($"/v3/users?perPage={perPage}&page={page}")).AssertOk();
        var p = Pagination(r);
        Assert.Equal(users, p.GetProperty("total").GetInt32());
        Assert.Equal(count, p.GetProperty("count").GetInt32());
        Assert.Equal(perPage, p.GetProperty("per_page").GetInt32());
        Assert.Equal(page, p.GetProperty("current_page").GetInt32());
        Assert.Equal(totalPages, p.GetProperty("total_pages").GetInt32());
        Assert.Equal(count, r.Data.GetArrayLength());
        var expected = Enumerable.Range(0, users).Select(i => $"user{i}").Order().Skip((page - 1) * perPage).Take(perPage);
        Assert.Equal(expected, Uids(r));
    }

    [Fact]
    public async Task Pages_neither_overlap_nor_skip()
    {
        for (var i = 0; i < 25; i++)
        {
            await Emu.CreateUserAsync($"p{i:D2}", i % 2 == 0 ? "Same" : $"Name {25 - i}");
        }
        var seen = new List<string>();
        for (var page = 1; page <= 4; page++)
        {
            seen.AddRange(Uids(await Emu.GetAsync($"/v3/users?perPage=7&page={page}")));
        }
        Assert.Equal(25, seen.Count);
        Assert.Equal(25, seen.Distinct().Count());
    }

    [Fact]
    public async Task Default_page_size_is_100()
    {
        var r = await Emu.GetAsync("/v3/users");
        Assert.Equal(100, Pagination(r).GetProperty("per_page").GetInt32());
        Assert.Equal(1, Pagination(r).GetProperty("current_page").GetInt32());
    }

    [Theory]
    [InlineData("perPage=0", "perPage")]
    [InlineData("perPage=1001", "perPage")]
    [InlineData("perPage=abc", "perPage")]
    [InlineData("page=-1", "page")]
    [InlineData("page=1.5", "page")]
    [InlineData("status=away", "status")]
    [InlineData("searchIn=email", "searchIn")]
    [InlineData("withTags=maybe", "withTags")]
    [InlineData("withDeactivated=2", "withDeactivated")]
    public async Task Bad_query_values_give_400(string query, string key)
    {
        var r = (await Emu.GetAsync("/v3/users?" + query)).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
        Assert.NotEmpty(r.Details(key));
    }

    [Fact]
    public async Task Cursor_carries_the_largest_updatedAt_of_the_page()
    {
        await Emu.CreateUserAsync("a");
        var updated = (await Emu.PutAsync("/v3/users/a", new { name = "A" })).Data.GetProperty("updatedAt").GetInt64();
        var cursor = (await Emu.GetAsync("/v3/users")).Json.GetProperty("meta").GetProperty("cursor");
        Assert.Equal(updated, cursor.GetProperty("updatedAt").GetInt64());
        Assert.Equal("prepend", cursor.GetProperty("affix").GetString());
    }

    [Fact]
    public async Task SearchKey_is_a_case_insensitive_prefix_on_uid_and_name()
    {
        await Emu.CreateUserAsync("superhero1", "Iron Man");
        await Emu.CreateUserAsync("villain1", "Super Villain");
        await Emu.CreateUserAsync("other", "Nobody super");
        Assert.Equal(["superhero1", "villain1"], Uids(await Emu.GetAsync("/v3/users?searchKey=SUPER")).Order());
        Assert.Equal(["superhero1"], Uids(await Emu.GetAsync("/v3/users?searchKey=super&searchIn=uid")));
        Assert.Equal(["villain1"], Uids(await Emu.GetAsync("/v3/users?searchKey=super&searchIn=name")));
        Assert.Equal(2, Uids(await Emu.GetAsync("/v3/users?searchKey=super&searchIn=name,uid")).Length);
        Assert.Equal(2, Uids(await Emu.GetAsync("/v3/users?searchKey=super&searchIn=")).Length);
        Assert.Equal(2, Pagination(await Emu.GetAsync("/v3/users?searchKey=super&perPage=1")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Tags_appear_only_with_withTags_and_filter_by_any_tag()
    {
        await Emu.CreateUserAsync("a", "A", new { tags = new[] { "Red", "blue" } });
        await Emu.CreateUserAsync("b", "B", new { tags = new[] { "green" } });
        await Emu.CreateUserAsync("c", "C");
        var plain = await Emu.GetAsync("/v3/users");
        Assert.All(plain.Data.EnumerateArray(), u => Assert.False(u.TryGetProperty("tags", out _)));
        var tagged = await Emu.GetAsync("/v3/users?withTags=true");
        Assert.Equal("Red", tagged.Data[0].GetProperty("tags")[0].GetString());
        Assert.Equal(["a"], Uids(await Emu.GetAsync("/v3/users?tags=red")));
        Assert.Equal(["a", "b"], Uids(await Emu.GetAsync("/v3/users?tags=red,GREEN")));
        Assert.Equal(["a", "b"], Uids(await Emu.GetAsync("/v3/users?tags=blue&tags=green")));
    }

    [Fact]
    public async Task Role_and_roles_filter()
    {
        await Emu.PostAsync("/v3/roles", new { role = "admin", name = "Admin" });
        await Emu.PostAsync("/v3/roles", new { role = "mod", name = "Mod" });
        await Emu.CreateUserAsync("a", "A", new { role = "admin" });
        await Emu.CreateUserAsync("m", "M", new { role = "mod" });
        await Emu.CreateUserAsync("d", "D");
        Assert.Equal(["a"], Uids(await Emu.GetAsync("/v3/users?role=admin")));
        Assert.Equal(["a", "m"], Uids(await Emu.GetAsync("/v3/users?roles=admin,mod")));
        Assert.Equal(["d", "m"], Uids(await Emu.GetAsync("/v3/users?roles=default&roles=mod")));
    }

    [Fact]
    public async Task Status_filter_follows_presence()
    {
        await Emu.CreateUserAsync("on", "On");
        await Emu.CreateUserAsync("off", "Off");
        (await Emu.PostAsync("/_emulator/presence", new { uids = new[] { "on" }, status = "online", lastActiveAt = 1700000000 })).AssertOk();
        Assert.Equal(["on"], Uids(await Emu.GetAsync("/v3/users?status=available")));
        Assert.Equal(["on"], Uids(await Emu.GetAsync("/v3/users?status=online")));
        Assert.Equal(["off"], Uids(await Emu.GetAsync("/v3/users?status=offline")));
        var on = (await Emu.GetAsync("/v3/users/on")).Data;
        Assert.Equal("online", on.GetProperty("status").GetString());
        Assert.Equal(1700000000, on.GetProperty("lastActiveAt").GetInt64());
    }

    [Fact]
    public async Task Deactivated_users_are_listed_only_on_request()
    {
        await Emu.CreateUserAsync("a");
        await Emu.CreateUserAsync("b");
        await Emu.DeleteAsync("/v3/users/b");
        Assert.Equal(["a"], Uids(await Emu.GetAsync("/v3/users")));
        Assert.Equal(["a", "b"], Uids(await Emu.GetAsync("/v3/users?withDeactivated=true")));
        Assert.Equal(["b"], Uids(await Emu.GetAsync("/v3/users?onlyDeactivated=1")));
        Assert.Equal(1, Pagination(await Emu.GetAsync("/v3/users?onlyDeactivated=true")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task OnBehalfOf_adds_relation_fields_to_every_item()
    {
        await Emu.CreateUserAsync("me");
        await Emu.CreateUserAsync("you");
        await Emu.PostAsync("/v3/users/me/blockedusers", new { blockedUids = new[] { "you" } });
        var r = (await Emu.GetAsync("/v3/users", headers: new Dictionary<string, string> { ["onBehalfOf"] = "me" })).AssertOk();
        var you = r.Data.EnumerateArray().Single(u => u.GetProperty("uid").GetString() == "you");
        Assert.True(you.GetProperty("blockedByMe").GetBoolean());
        Assert.Equal("me_user_you", you.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task Unknown_query_parameters_are_ignored()
    {
        await Emu.CreateUserAsync("a");
        var r = (await Emu.GetAsync("/v3/users?searchIn=&count=false&perPage=100&page=1&withTags=false&sortBy=name&x=%00")).AssertOk();
        Assert.Equal(["a"], Uids(r));
    }
}
