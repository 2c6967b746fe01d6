using CometChat.Client.Errors;
using CometChat.Client.Models;

namespace CometChat.Client.Tests;

public class ErrorMappingTests
{
    [Fact]
    public async Task Validation_errors_carry_code_status_and_field_details()
    {
        var handler = new FakeHandler().ThenJson(400, FakeHandler.Error("ERR_BAD_REQUEST", "Failed to validate the data sent with the request.",
            """{"uid":["The uid field is required."],"tags.0":["The tags.0 field is required."]}"""));
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<CometChatApiException>(() => client.CreateUserAsync(new NewUser { Uid = "x", Name = "x" }));
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("ERR_BAD_REQUEST", error.ErrorCode);
        Assert.Equal(new[] { "The uid field is required." }, error.Details["uid"]);
        Assert.Contains("tags.0: The tags.0 field is required.", error.DescribeWithDetails());
        Assert.False(error.IsTransient);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_unknown_key_echoed_by_the_service_is_redacted()
    {
        var handler = new FakeHandler().ThenJson(401, FakeHandler.Error("AUTH_ERR_APIKEY_NOT_FOUND", $"The key {TestClients.ApiKey} does not exist. Please use correct apiKey."));
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<CometChatApiException>(() => client.GetUserAsync("a"));
        Assert.True(error.IsAuthenticationFailure);
        Assert.DoesNotContain(TestClients.ApiKey, error.Message);
        Assert.DoesNotContain(TestClients.ApiKey, error.DevMessage);
        Assert.Contains("***", error.Message);
    }

    [Fact]
    public async Task A_body_that_is_not_json_still_gives_a_coded_error()
    {
        var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway) { Content = new StringContent("<html>bad gateway</html>") }) };
        using var client = TestClients.Create(handler, o => o.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<CometChatApiException>(() => client.GetUserAsync("a"));
        Assert.Equal("ERR_HTTP_502", error.ErrorCode);
        Assert.Contains("502", error.Message);
    }

    [Fact]
    public async Task Not_found_is_null_for_try_get_and_an_error_for_get()
    {
        var notFound = FakeHandler.Error("ERR_UID_NOT_FOUND", "The UID nope does not exist, please make sure you have created a user with UID nope.");
        var handler = new FakeHandler().ThenJson(404, notFound).ThenJson(404, notFound);
        using var client = TestClients.Create(handler);

        Assert.Null(await client.TryGetUserAsync("nope"));
        var error = await Assert.ThrowsAsync<CometChatApiException>(() => client.GetUserAsync("nope"));
        Assert.Equal("ERR_UID_NOT_FOUND", error.ErrorCode);
    }

    [Fact]
    public void A_client_needs_a_key()
    {
        Assert.Throws<ArgumentException>(() => new CometChatClient(new CometChatClientOptions { ApiKey = TestClients.Secret("") }));
        Assert.Throws<ArgumentException>(() => new CometChatClient(new CometChatClientOptions()));
    }
}
