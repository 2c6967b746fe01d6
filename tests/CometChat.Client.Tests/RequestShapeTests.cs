using System.Text.Json;
using CometChat.Client.Models;
using CometChat.Client.Secrets;

namespace CometChat.Client.Tests;

public class RequestShapeTests
{
    [Fact]
    public async Task Create_posts_the_user_with_the_api_key_header_and_json_body()
    {
        var handler = new FakeHandler().ThenFixture("create-user");
        using var client = TestClients.Create(handler);

        var user = await client.CreateUserAsync(new NewUser
        {
            Uid = "superhero6",
            Name = "Barry Allen",
            Role = "manager",
            Metadata = CometChatMetadata.Parse("""{"@private":{"email":"user@email.com"}}"""),
            Tags = new[] { "Engineer", "manager" },
            WithAuthToken = true,
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("https://app1.api-us.cometchat.io/v3/users", request.Uri.AbsoluteUri);
        Assert.Equal(TestClients.ApiKey, request.Headers["apikey"]);
        Assert.Contains("application/json", request.Headers["Accept"]);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal("""{"uid":"superhero6","name":"Barry Allen","role":"manager","metadata":{"@private":{"email":"user@email.com"}},"tags":["Engineer","manager"],"withAuthToken":true}""", request.Body);
        Assert.Equal("superhero6", user.Uid);
    }

    [Fact]
    public async Task List_sends_filters_as_query_parameters_with_comma_separated_arrays()
    {
        var handler = new FakeHandler().ThenFixture("list-users");
        using var client = TestClients.Create(handler);

        var page = await client.ListUsersAsync(new UserQuery
        {
            SearchKey = "bar ry",
            SearchIn = new[] { "uid", "name" },
            Status = "available",
            Roles = new[] { "manager", "default" },
            Tags = new[] { "a", "b" },
            OnlyDeactivated = true,
            OnBehalfOf = "superhero1",
        }, page: 2, perPage: 50);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/v3/users?perPage=50&page=2&searchKey=bar%20ry&searchIn=uid%2Cname&status=available&roles=manager%2Cdefault&tags=a%2Cb&withTags=true&onlyDeactivated=true", request.PathAndQuery);
        Assert.Equal("superhero1", request.Headers["onBehalfOf"]);
        Assert.NotEmpty(page.Items);
    }

    [Fact]
    public async Task Pages_know_whether_more_follow()
    {
        var handler = new FakeHandler()
            .ThenJson(200, """{"data":[{"uid":"a","name":"A"}],"meta":{"pagination":{"total":3,"count":1,"per_page":1,"current_page":1,"total_pages":3}}}""")
            .ThenJson(200, """{"data":[{"uid":"c","name":"C"}],"meta":{"pagination":{"total":3,"count":1,"per_page":1,"current_page":3,"total_pages":3}}}""");
        using var client = TestClients.Create(handler);

        Assert.True((await client.ListUsersAsync(new UserQuery(), 1, 1)).HasMore);
        Assert.False((await client.ListUsersAsync(new UserQuery(), 3, 1)).HasMore);
    }

    [Fact]
    public async Task A_uid_that_is_not_one_path_segment_is_refused_before_sending()
    {
        var handler = new FakeHandler().ThenFixture("get-user");
        using var client = TestClients.Create(handler);
        await Assert.ThrowsAsync<CometChat.Client.Errors.CometChatValidationException>(() => client.GetUserAsync("a/../b c"));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Update_sends_only_given_fields_and_unset()
    {
        var handler = new FakeHandler().ThenFixture("update-user");
        using var client = TestClients.Create(handler);
        await client.UpdateUserAsync("superhero6", new UserUpdate { StatusMessage = "", Tags = new List<string>(), Unset = new[] { "avatar" } });

        var request = Assert.Single(handler.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("""{"statusMessage":"","tags":[],"unset":["avatar"]}""", request.Body);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Delete_sends_permanent_in_a_json_body(bool permanent)
    {
        var handler = new FakeHandler().ThenFixture(permanent ? "delete-user" : "deactivate-users");
        using var client = TestClients.Create(handler);
        await client.DeleteUserAsync("superhero6", permanent);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal(permanent ? """{"permanent":true}""" : """{"permanent":false}""", request.Body);
    }

    [Fact]
    public async Task Bulk_deactivate_and_reactivate_read_their_buckets()
    {
        var handler = new FakeHandler()
            .ThenJson(200, """{"data":{"deactivatedUids":["a"],"alreadyDeactivatedUids":["b"],"notFound":["nope"]}}""")
            .ThenJson(200, """{"data":{"notFound":["InvalidUID"]}}""");
        using var client = TestClients.Create(handler);

        var deactivated = await client.DeactivateUsersAsync(new[] { "a", "b", "nope" });
        Assert.Equal(new[] { "a" }, deactivated.Changed);
        Assert.Equal(new[] { "b" }, deactivated.Unchanged);
        Assert.Equal(new[] { "nope" }, deactivated.NotFound);
        Assert.Equal("""{"uidsToDeactivate":["a","b","nope"]}""", handler.Requests.First().Body);

        var reactivated = await client.ReactivateUsersAsync(new[] { "InvalidUID" });
        Assert.Empty(reactivated.Changed);
        Assert.Equal(new[] { "InvalidUID" }, reactivated.NotFound);
        Assert.Equal("""{"uidsToActivate":["InvalidUID"]}""", handler.Requests.Last().Body);
    }

    [Fact]
    public async Task Auth_tokens_and_roles_read_the_official_examples()
    {
        var handler = new FakeHandler().ThenFixture("create-auth-token").ThenFixture("list-roles");
        using var client = TestClients.Create(handler);

        var token = await client.CreateAuthTokenAsync("superhero1", force: true);
        Assert.Equal("superhero1_1630306819c3027ce530b2367f3c97b4106f0cb8", SecretText.Reveal(token.Token));
        Assert.Equal("""{"force":true}""", handler.Requests.First().Body);

        var roles = await client.ListRolesAsync();
        Assert.Contains(roles.Items, role => role.Role == "default");
        Assert.Equal("friendsOnly", roles.Items.First(r => r.Role == "manager").Settings!["sendMessagesTo"]);
    }
}
