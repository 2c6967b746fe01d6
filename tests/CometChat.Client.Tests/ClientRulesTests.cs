using CometChat.Client.Errors;
using CometChat.Client.Http;
using CometChat.Client.Models;
using CometChat.Client.Validation;
using Microsoft.Extensions.Time.Testing;

namespace CometChat.Client.Tests;

/// <summary>Boundaries of the field rules, the pacer's bookkeeping and the client's own lifetime.</summary>
public sealed class ClientRulesTests
{
    [Theory]
    [InlineData("azAZ09-_", true)]
    [InlineData("a`", false)]   // the characters just outside each allowed range
    [InlineData("a{", false)]
    [InlineData("A@", false)]
    [InlineData("A[", false)]
    [InlineData("0/", false)]
    [InlineData("9:", false)]
    public void Identifiers_are_exactly_letters_digits_dash_and_underscore(string value, bool valid)
    {
        Assert.Equal(valid, InputRules.Identifier("uid", value) is null);
        Assert.Equal(valid, InputRules.Identifier("uid", value) is null);
    }

    [Fact]
    public void A_refused_value_is_shown_with_control_characters_escaped()
        => Assert.Contains("'a\\u0009b' has a tab (U+0009) at position 2", InputRules.Identifier("uid", "a\tb")!.Rule);

    [Fact]
    public void Updates_and_roles_are_checked_field_by_field()
    {
        Assert.Equal("The name may not be greater than 100 characters; it has 101.", Assert.Single(InputRules.Check(new UserUpdate { Name = new string('n', 101) })).Rule);
        var big = new UserUpdate
        {
            Avatar = "https://example.com/" + new string('p', 2980),
            Link = "https://example.com/" + new string('l', 2980),
            Metadata = new CometChatMetadata { ["k"] = new string('v', 5000) },
        };
        Assert.Equal("body", Assert.Single(InputRules.Check(big)).Field);

        Assert.Equal("The name field must have a value.", Assert.Single(InputRules.Check(new RoleUpdate { Name = " " })).Rule);
        Assert.Equal("The name may not be greater than 100 characters; it has 101.", Assert.Single(InputRules.Check(new RoleUpdate { Name = new string('n', 101) })).Rule);
        Assert.Empty(InputRules.Check(new RoleUpdate { Name = "Fine" }));
        Assert.Equal("description", Assert.Single(InputRules.Check(new NewRole { Role = "r", Name = "R", Description = new string('d', 256) })).Field);
    }

    [Fact]
    public void A_limit_reported_as_zero_or_higher_is_not_followed()
    {
        var pacer = new RequestPacer(null, null, 1.0, new FakeTimeProvider());
        pacer.Observe(RateBucket.Core, 0, 5);
        Assert.Equal(10_000, pacer.RequestsPerMinute(RateBucket.Core));
        pacer.Observe(RateBucket.Standard, 30_000, 5);
        Assert.Equal(20_000, pacer.RequestsPerMinute(RateBucket.Standard));
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_slot_back()
    {
        // One a second. The second waiter gives up; the third takes the slot it held, not the one after.
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(50));
        var pacer = new RequestPacer(60, 0, 1.0, clock);
        await pacer.WaitAsync(RateBucket.Core, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var second = pacer.WaitAsync(RateBucket.Core, cancel.Token);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        var third = pacer.WaitAsync(RateBucket.Core, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(1), await third.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task The_client_follows_the_limit_and_remaining_count_the_service_reports()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(50));
        var user = """{"data":{"uid":"a","name":"A"}}""";
        var handler = new FakeHandler()
            .ThenJson(200, user, ("X-Rate-Limit", "700"), ("X-Rate-Limit-Remaining", "0"))
            .ThenJson(200, user);
        using var client = TestClients.Create(handler, o =>
        {
            o.TimeProvider = clock;
            o.StandardRequestsPerMinute = null;
        });
        await client.GetUserAsync("a");
        Assert.Equal(700, client.Pacer.RequestsPerMinute(RateBucket.Standard));
        var next = client.GetUserAsync("a");
        Assert.Single(handler.Requests);   // the spent window holds the next request back
        clock.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_3xx_answer_is_not_a_success()
    {
        var handler = new FakeHandler().ThenJson(300, """{"data":{"uid":"a","name":"A"}}""");
        using var client = TestClients.Create(handler);
        Assert.Equal("ERR_HTTP_300", (await Assert.ThrowsAsync<CometChatApiException>(() => client.GetUserAsync("a"))).ErrorCode);
    }

    [Fact]
    public async Task A_lost_create_whose_user_is_gone_by_the_lookup_is_the_conflict_it_was()
    {
        var handler = new FakeHandler()
            .ThenThrow(new HttpRequestException("connection closed"))
            .ThenJson(400, FakeHandler.Error("ERR_UID_ALREADY_EXISTS", "The uid alice already exists."))
            .ThenJson(404, FakeHandler.Error("ERR_UID_NOT_FOUND", "nope"));
        using var client = TestClients.Create(handler);
        var error = await Assert.ThrowsAsync<CometChatApiException>(() => client.CreateUserAsync(new NewUser { Uid = "alice", Name = "Alice" }));
        Assert.Equal("ERR_UID_ALREADY_EXISTS", error.ErrorCode);
    }

    [Fact]
    public async Task Disposing_the_client_leaves_a_handler_it_was_given_alone_and_ends_its_requests()
    {
        var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(FakeHandler.Json(200, """{"data":{"uid":"a","name":"A"}}""")) };
        var client = TestClients.Create(handler, o => o.MaxRetries = 0);
        await client.GetUserAsync("a");
        client.Dispose();
        await Assert.ThrowsAnyAsync<Exception>(() => client.GetUserAsync("a"));
        Assert.Single(handler.Requests);

        using var other = new HttpClient(handler, disposeHandler: false);
        Assert.True((await other.GetAsync("https://example.com/v3/users/a")).IsSuccessStatusCode);
    }
}
