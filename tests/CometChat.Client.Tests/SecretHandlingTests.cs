using System.Text.Json;
using CometChat.Client.Errors;
using CometChat.Client.Http;

namespace CometChat.Client.Tests;

/// <summary>The API key goes into the apikey header of each request and nowhere else the client writes.</summary>
public sealed class SecretHandlingTests
{
    [Fact]
    public async Task The_key_is_sent_in_the_header_and_shown_redacted_to_observers()
    {
        var handler = new FakeHandler().ThenFixture("get-user");
        using var client = TestClients.Create(handler);
        var observer = new RecordingObserver();
        using (RequestObserverScope.Begin(observer))
        {
            await client.GetUserAsync("cometchat-uid-6");
        }
        Assert.Equal(TestClients.ApiKey, Assert.Single(handler.Requests).Headers["apikey"]);
        var headers = Assert.Single(observer.SentHeaders);
        Assert.Contains(headers, h => h.Key == "apikey" && h.Value == HeaderRedaction.Hidden);
        Assert.Contains(headers, h => h.Key == "User-Agent");
        Assert.DoesNotContain(headers, h => h.Value.Contains(TestClients.ApiKey));
    }

    [Theory]
    [InlineData("apikey", true)]
    [InlineData("APIKEY", true)]
    [InlineData("Authorization", true)]
    [InlineData("Cookie", true)]
    [InlineData("onBehalfOf", false)]
    [InlineData("Accept", false)]
    public void Credential_headers_are_the_secret_ones(string header, bool secret)
        => Assert.Equal(secret, HeaderRedaction.IsSecret(header));

    [Fact]
    public void Options_never_carry_the_key_as_text()
    {
        using var client = TestClients.Create(new FakeHandler());
        Assert.IsType<System.Security.SecureString>(client.Options.ApiKey);
        Assert.DoesNotContain(TestClients.ApiKey, client.Options.ToString());
        var publicText = typeof(CometChatClientOptions).GetProperties()
            .Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0)
            .Select(p => p.GetValue(client.Options) as string ?? string.Empty);
        Assert.DoesNotContain(publicText, text => text.Contains(TestClients.ApiKey));
    }

    [Theory]
    [InlineData(401, "AUTH_ERR_APIKEY_NOT_FOUND")]
    [InlineData(400, "ERR_BAD_REQUEST")]
    [InlineData(500, "ERR_INTERNAL")]
    public async Task A_key_echoed_by_the_service_is_scrubbed_from_every_part_of_the_error(int status, string code)
    {
        var echo = $"Key {TestClients.ApiKey} rejected";
        var details = $"{{\"uid\":[\"{echo}\"]}}";
        var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(FakeHandler.Json(status, FakeHandler.Error(code, echo, details))) };
        using var client = TestClients.Create(handler, o => o.MaxRetries = 0);
        var error = await Assert.ThrowsAnyAsync<CometChatException>(() => client.GetUserAsync("someone"));
        var text = error.ToString() + " " + (error is CometChatApiException api ? api.DescribeWithDetails() + api.DevMessage : string.Empty)
            + " " + string.Join(" ", error.Data.Values.Cast<object>());
        Assert.DoesNotContain(TestClients.ApiKey, text);
    }

    [Fact]
    public async Task A_rejected_key_quoted_with_its_middle_masked_leaves_none_of_it()
    {
        // CometChat's own form: the first and last five characters around one star per hidden character.
        var key = TestClients.ApiKey;
        var masked = key[..5] + new string('*', key.Length - 10) + key[^5..];
        var message = $"The apikey {masked} is not valid.";
        var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(FakeHandler.Json(401, FakeHandler.Error("AUTH_ERR_APIKEY_NOT_FOUND", message, $"{{\"apikey\":[\"{message}\"]}}"))) };
        using var client = TestClients.Create(handler, o => o.MaxRetries = 0);
        var error = await Assert.ThrowsAsync<CometChatApiException>(() => client.GetUserAsync("someone"));
        var text = error.Message + " " + error.DescribeWithDetails() + error.DevMessage;
        Assert.Contains("The apikey *** is not valid.", text);
        Assert.DoesNotContain(key[..5], text);
        Assert.DoesNotContain(key[^5..], text);
    }

    /// <summary>A proxy's page that echoes the request's headers, the key among them, at a given offset.</summary>
    private static string EchoPage(int offset)
        => new string('x', offset) + $"<html><body><pre>apikey: {TestClients.ApiKey}\nAccept: application/json</pre></body></html>";

    public static TheoryData<int, int> EchoingAnswers => new()
    {
        // A 2xx that is not JSON is quoted as ERR_INVALID_RESPONSE; other statuses as the API error's message.
        // The key starts 25 characters after the offset; at 160 and 168 it straddles the 200-byte quote, where not
        // even its start may show.
        { 200, 0 },
        { 200, 160 },
        { 200, 168 },
        { 203, 10 },
        { 502, 0 },
        { 502, 160 },
        { 418, 168 },
    };

    [Theory]
    [MemberData(nameof(EchoingAnswers))]
    public async Task A_key_echoed_in_an_answer_that_is_not_json_is_scrubbed_from_the_quote(int status, int offset)
    {
        var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(new HttpResponseMessage((System.Net.HttpStatusCode)status) { Content = new StringContent(EchoPage(offset)) }) };
        using var client = TestClients.Create(handler, o => o.MaxRetries = 0);
        var operations = new Func<Task>[]
        {
            () => client.GetUserAsync("someone"),
            () => client.ListUsersAsync(new CometChat.Client.Models.UserQuery()),
            () => client.ListRolesAsync(),
        };
        foreach (var operation in operations)
        {
            var error = await Assert.ThrowsAnyAsync<CometChatException>(operation);
            var text = error.ToString() + " " + (error is CometChatApiException api ? api.DescribeWithDetails() + api.DevMessage : string.Empty);
            // The page was quoted (so the scrub is what keeps the key out), and no 6 characters of the key survive.
            Assert.Contains("<html>", text);
            Assert.DoesNotContain(TestClients.ApiKey[..6], text);
            Assert.DoesNotContain(TestClients.ApiKey, text);
        }
    }
}
