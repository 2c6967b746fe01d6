using CometChat.Client.Errors;
using CometChat.Client.Http;
using CometChat.Client.Models;
using CometChat.Client.Secrets;

namespace CometChat.Client.Tests;

/// <summary>A create whose answer was lost, retried into "already exists": reported once, as created, only if it is ours.</summary>
public class AmbiguousCreateTests
{
    private static readonly string Exists = FakeHandler.Error("ERR_UID_ALREADY_EXISTS", "The uid alice already exists.");
    private static readonly NewUser Alice = new() { Uid = "Alice", Name = "Alice A", Tags = new[] { "t1" } };

    [Fact]
    public async Task Lost_answer_then_exists_with_the_same_fields_is_reported_as_created()
    {
        var handler = new FakeHandler()
            .ThenThrow(new HttpRequestException("connection closed"))
            .ThenJson(400, Exists)
            .ThenJson(200, """{"data":{"uid":"alice","name":"Alice A","role":"default","tags":["t1"],"status":"offline","createdAt":1700000000}}""");
        using var client = TestClients.Create(handler);
        var observer = new RecordingObserver();

        CometChatUser user;
        using (RequestObserverScope.Begin(observer))
        {
            user = await client.CreateUserAsync(Alice);
        }

        Assert.Equal("alice", user.Uid);
        Assert.Equal(new[] { "alice" }, observer.RecoveredUids);
        Assert.Equal(new[] { "POST", "POST", "GET" }, handler.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Server_fault_then_exists_is_recovered_too()
    {
        var handler = new FakeHandler()
            .ThenJson(502, FakeHandler.Error("ERR_BAD_GATEWAY", "bad gateway"))
            .ThenJson(400, Exists)
            .ThenJson(200, """{"data":{"uid":"alice","name":"Alice A","tags":["t1"],"createdAt":1700000000}}""");
        using var client = TestClients.Create(handler);
        Assert.Equal("alice", (await client.CreateUserAsync(Alice)).Uid);
    }

    [Fact]
    public async Task Lost_answer_then_exists_with_other_fields_is_a_real_conflict()
    {
        var handler = new FakeHandler()
            .ThenThrow(new HttpRequestException("connection closed"))
            .ThenJson(400, Exists)
            .ThenJson(200, """{"data":{"uid":"alice","name":"Someone Else","createdAt":1600000000}}""");
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<CometChatApiException>(() => client.CreateUserAsync(Alice));
        Assert.Equal("ERR_UID_ALREADY_EXISTS", error.ErrorCode);
    }

    [Fact]
    public async Task Exists_on_the_first_attempt_is_a_conflict_without_a_lookup()
    {
        var handler = new FakeHandler().ThenJson(400, Exists);
        using var client = TestClients.Create(handler);

        await Assert.ThrowsAsync<CometChatApiException>(() => client.CreateUserAsync(Alice));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_recovered_create_that_asked_for_a_token_gets_one()
    {
        var handler = new FakeHandler()
            .ThenThrow(new HttpRequestException("connection closed"))
            .ThenJson(400, Exists)
            .ThenJson(200, """{"data":{"uid":"alice","name":"Alice A","tags":["t1"],"createdAt":1700000000}}""")
            .ThenJson(200, """{"data":{"uid":"alice","authToken":"alice_1700000000abcdef","createdAt":1700000000}}""");
        using var client = TestClients.Create(handler);

        var user = await client.CreateUserAsync(new NewUser { Uid = "alice", Name = "Alice A", Tags = new[] { "t1" }, WithAuthToken = true });
        Assert.Equal("alice_1700000000abcdef", SecretText.Reveal(user.AuthToken));
        Assert.Equal("""{"force":false}""", handler.Requests.Last().Body);
    }
}
