using CometChat.Client.Errors;
using CometChat.Client.Http;
using CometChat.Client.Models;

namespace CometChat.Client.Tests;

/// <summary>
/// Every operation of the client against the contract: its HTTP method, path and query, JSON body and rate-limit
/// tier, one row each. A path, body or tier that drifts from the contract fails here.
/// </summary>
public sealed class OperationShapeTests
{
    private const string Token = "alice_1700000000abcdef";
    private static readonly string UserJson = """{"data":{"uid":"alice","name":"Alice"}}""";
    private static readonly string RoleJson = """{"data":{"role":"staff","name":"Staff"}}""";
    private static readonly string TokenJson = """{"data":{"uid":"alice","authToken":"alice_1700000000abcdef"}}""";
    private static readonly string Empty = """{"data":[]}""";
    private static readonly string Ok = """{"data":{"success":true}}""";

    private sealed record Shape(string Name, Func<CometChatClient, Task> Call, string Answer, string Method, string PathAndQuery, string? Body, RateBucket Tier)
    {
        public override string ToString() => Name;
    }

    private static readonly Shape[] Shapes =
    {
        new("create user", c => c.CreateUserAsync(new NewUser { Uid = "Alice", Name = "Alice" }), UserJson, "POST", "/v3/users", """{"uid":"Alice","name":"Alice"}""", RateBucket.Core),
        new("get user", c => c.GetUserAsync("Alice"), UserJson, "GET", "/v3/users/Alice", null, RateBucket.Standard),
        new("try get user", c => c.TryGetUserAsync("alice"), UserJson, "GET", "/v3/users/alice", null, RateBucket.Standard),
        new("list users", c => c.ListUsersAsync(new UserQuery { WithTags = false }, 3, 7), Empty, "GET", "/v3/users?perPage=7&page=3", null, RateBucket.Standard),
        new("list with deactivated", c => c.ListUsersAsync(new UserQuery { WithDeactivated = true }), Empty, "GET", "/v3/users?perPage=100&page=1&withTags=true&withDeactivated=true", null, RateBucket.Standard),
        new("update user", c => c.UpdateUserAsync("alice", new UserUpdate { Name = "A" }), UserJson, "PUT", "/v3/users/alice", """{"name":"A"}""", RateBucket.Standard),
        new("delete user", c => c.DeleteUserAsync("alice", permanent: true), Ok, "DELETE", "/v3/users/alice", """{"permanent":true}""", RateBucket.Core),
        new("deactivate users", c => c.DeactivateUsersAsync(new[] { "a", "b" }), """{"data":{}}""", "DELETE", "/v3/users", """{"uidsToDeactivate":["a","b"]}""", RateBucket.Core),
        new("reactivate users", c => c.ReactivateUsersAsync(new[] { "a" }), """{"data":{}}""", "PUT", "/v3/users", """{"uidsToActivate":["a"]}""", RateBucket.Standard),
        new("create token", c => c.CreateAuthTokenAsync("alice", force: false), TokenJson, "POST", "/v3/users/alice/auth_tokens", """{"force":false}""", RateBucket.Core),
        new("list tokens", c => c.ListAuthTokensAsync("alice", 2, 5), Empty, "GET", "/v3/users/alice/auth_tokens?perPage=5&page=2", null, RateBucket.Standard),
        new("get token", c => c.GetAuthTokenAsync("alice", Token), TokenJson, "GET", $"/v3/users/alice/auth_tokens/{Token}", null, RateBucket.Standard),
        new("remove token", c => c.RemoveAuthTokenAsync("alice", Token), Ok, "DELETE", $"/v3/users/alice/auth_tokens/{Token}", null, RateBucket.Standard),
        new("remove all tokens", c => c.RemoveAllAuthTokensAsync("alice"), Ok, "DELETE", "/v3/users/alice/auth_tokens", null, RateBucket.Standard),
        new("block users", c => c.BlockUsersAsync("alice", new[] { "bob", "carol" }), """{"data":{}}""", "POST", "/v3/users/alice/blockedusers", """{"blockedUids":["bob","carol"]}""", RateBucket.Standard),
        new("unblock users", c => c.UnblockUsersAsync("alice", new[] { "bob" }), """{"data":{}}""", "DELETE", "/v3/users/alice/blockedusers", """{"blockedUids":["bob"]}""", RateBucket.Standard),
        new("list blocked", c => c.ListBlockedUsersAsync("alice", 4, 9), Empty, "GET", "/v3/users/alice/blockedusers?perPage=9&page=4", null, RateBucket.Standard),
        new("list roles", c => c.ListRolesAsync(2, 50), Empty, "GET", "/v3/roles?perPage=50&page=2", null, RateBucket.Standard),
        new("get role", c => c.GetRoleAsync("staff"), RoleJson, "GET", "/v3/roles/staff", null, RateBucket.Standard),
        new("create role", c => c.CreateRoleAsync(new NewRole { Role = "staff", Name = "Staff" }), RoleJson, "POST", "/v3/roles", """{"role":"staff","name":"Staff"}""", RateBucket.Standard),
        new("update role", c => c.UpdateRoleAsync("staff", new RoleUpdate { Name = "S" }), RoleJson, "PUT", "/v3/roles/staff", """{"name":"S"}""", RateBucket.Standard),
        new("remove role", c => c.RemoveRoleAsync("staff"), Ok, "DELETE", "/v3/roles/staff", null, RateBucket.Standard),
    };

    public static TheoryData<string> Names => new(Shapes.Select(s => s.Name));

    /// <summary>The row, a handler with its answer, and a client on a fake clock.</summary>
    private static (Shape Shape, FakeHandler Handler, Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock, CometChatClient Client) Arrange(string name)
    {
        var shape = Shapes.Single(s => s.Name == name);
        var handler = new FakeHandler().ThenJson(200, shape.Answer);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(50));
        return (shape, handler, clock, TestClients.Create(handler, o => o.TimeProvider = clock));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Each_operation_sends_the_contract_s_request_in_its_tier(string name)
    {
        var (shape, handler, _, client) = Arrange(name);
        using var clientScope = client;
        // Only the operation's own tier is paused: an operation in it waits, one in the other tier goes at once.
        var other = shape.Tier == RateBucket.Core ? RateBucket.Standard : RateBucket.Core;
        client.Pacer.PauseFor(other, TimeSpan.FromHours(1));

        await shape.Call(client).WaitAsync(TimeSpan.FromSeconds(30));

        var request = Assert.Single(handler.Requests);
        Assert.Equal(shape.Method, request.Method);
        Assert.Equal(shape.PathAndQuery, request.PathAndQuery);
        Assert.Equal(shape.Body, request.Body);
        if (shape.Body is not null)
        {
            Assert.Equal("application/json", request.ContentType);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Each_operation_waits_while_its_own_tier_is_paused(string name)
    {
        var (shape, handler, clock, client) = Arrange(name);
        using var clientScope = client;
        client.Pacer.PauseFor(shape.Tier, TimeSpan.FromSeconds(5));

        var call = shape.Call(client);
        Assert.Empty(handler.Requests);
        clock.Advance(TimeSpan.FromSeconds(5));
        await call.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1001, 1)]
    [InlineData(1, 0)]
    public async Task Every_list_refuses_paging_outside_the_api_range_before_sending(int perPage, int page)
    {
        var handler = new FakeHandler();
        using var client = TestClients.Create(handler);
        var lists = new Func<Task>[]
        {
            () => client.ListUsersAsync(new UserQuery(), page, perPage),
            () => client.ListAuthTokensAsync("alice", page, perPage),
            () => client.ListBlockedUsersAsync("alice", page, perPage),
            () => client.ListRolesAsync(page, perPage),
        };
        foreach (var list in lists)
        {
            var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(list);
            Assert.Contains(perPage is < 1 or > 1000 ? "perPage must be between 1 and 1000." : "page must be 1 or more.", error.Message);
        }
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task The_paging_limits_themselves_are_accepted()
    {
        var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(FakeHandler.Json(200, Empty)) };
        using var client = TestClients.Create(handler);
        await client.ListRolesAsync(1, 1);
        await client.ListRolesAsync(1, 1000);
        Assert.Equal(new[] { "/v3/roles?perPage=1&page=1", "/v3/roles?perPage=1000&page=1" }, handler.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task An_update_that_breaks_a_rule_is_refused_before_sending()
    {
        var handler = new FakeHandler();
        using var client = TestClients.Create(handler);
        var error = await Assert.ThrowsAsync<CometChatValidationException>(() => client.UpdateUserAsync("alice", new UserUpdate { Name = " " }));
        Assert.Equal("name: The name field must have a value. Nothing was sent to CometChat.", error.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_token_or_a_page_of_tokens_without_a_uid_gets_the_requested_one_in_lowercase()
    {
        var handler = new FakeHandler()
            .ThenJson(200, """{"data":{"authToken":"alice_1"}}""")
            .ThenJson(200, """{"data":[{"authToken":"alice_2"},{"uid":"someone","authToken":"alice_3"}]}""");
        using var client = TestClients.Create(handler);
        Assert.Equal("alice", (await client.CreateAuthTokenAsync("Alice", force: true)).Uid);
        var page = await client.ListAuthTokensAsync("Alice");
        Assert.Equal(new[] { "alice", "someone" }, page.Items.Select(t => t.Uid));
        Assert.Equal("""{"force":true}""", handler.Requests.First().Body);
    }

    [Fact]
    public async Task Blocked_users_are_listed_as_seen_by_the_requested_uid()
    {
        var handler = new FakeHandler().ThenJson(200, """{"data":[{"uid":"bob","name":"Bob"},{"uid":"carol","name":"Carol"}]}""");
        using var client = TestClients.Create(handler);
        var page = await client.ListBlockedUsersAsync("Alice");
        Assert.Equal(new[] { "alice", "alice" }, page.Items.Select(b => b.BlockedBy));
        Assert.Equal(new[] { "bob", "carol" }, page.Items.Select(b => b.Uid));
        Assert.Equal(new[] { "bob", "carol" }, page.Items.Select(b => b.ToString()));
    }
}
