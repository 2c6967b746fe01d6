using System.Net;
using System.Text;
using CometChat.Client.Errors;
using CometChat.Client.Http;
using CometChat.Client.Models;
using CometChat.Client.Secrets;
using CometChat.Client.Validation;

namespace CometChat.Client.Tests;

/// <summary>
/// What the client says when something goes wrong, and the small rules behind it: these texts end up in error
/// records, verbose lines and the module's summary, so their content is behaviour.
/// </summary>
public sealed class ErrorDetailTests
{
    private static HttpResponseMessage Raw(int status, string body)
        => new((HttpStatusCode)status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };

    [Theory]
    [InlineData("{\"meta\":{}}", "it has no data field")]
    [InlineData("{\"data\":null}", "it has no data field")]
    [InlineData("[1]", "it is a JSON array, not an object")]
    [InlineData("\"x\"", "it is a JSON string, not an object")]
    public async Task A_success_answer_of_the_wrong_shape_says_what_is_wrong(string body, string reason)
    {
        var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(Raw(200, body)) };
        using var client = TestClients.Create(handler, o => o.MaxRetries = 0);
        var error = await Assert.ThrowsAsync<CometChatResponseException>(() => client.GetUserAsync("alice"));
        Assert.Equal($"CometChat's answer (HTTP 200) could not be read: {reason} Start of the answer: '{body}'", error.Message);
    }

    [Theory]
    [InlineData("{\"data\":{}}", "its data field is not a list")]
    [InlineData("{\"meta\":{}}", "its data field is not a list")]
    public async Task A_page_without_a_list_says_so(string body, string reason)
    {
        var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(Raw(200, body)) };
        using var client = TestClients.Create(handler, o => o.MaxRetries = 0);
        var error = await Assert.ThrowsAsync<CometChatResponseException>(() => client.ListRolesAsync());
        Assert.StartsWith($"CometChat's answer (HTTP 200) could not be read: {reason} ", error.Message);
    }

    [Fact]
    public async Task A_page_reads_its_pagination_only_from_a_meta_object()
    {
        var handler = new FakeHandler()
            .ThenJson(200, """{"data":[],"meta":{"pagination":{"total":9,"current_page":1,"total_pages":3}}}""")
            .ThenJson(200, """{"data":[],"meta":"none"}""")
            .ThenJson(200, """{"data":[],"meta":{"pagination":7}}""");
        using var client = TestClients.Create(handler);
        var first = await client.ListRolesAsync();
        Assert.Equal(9, first.Pagination!.Total);
        Assert.True(first.HasMore);
        Assert.Null((await client.ListRolesAsync()).Pagination);
        Assert.Null((await client.ListRolesAsync()).Pagination);
    }

    [Fact]
    public void The_quote_of_an_answer_is_its_start_on_one_line()
    {
        Assert.Equal("(empty)", ErrorEnvelope.Quote(Array.Empty<byte>(), "key"));
        Assert.Equal("'a b c'", ErrorEnvelope.Quote(Encoding.UTF8.GetBytes("a\nb\tc"), "key"));
        Assert.Equal("'" + new string('x', 200) + "'", ErrorEnvelope.Quote(Encoding.UTF8.GetBytes(new string('x', 200)), "key"));
        Assert.Equal("'" + new string('x', 200) + "…'", ErrorEnvelope.Quote(Encoding.UTF8.GetBytes(new string('x', 201)), "key"));
        Assert.Equal("'key: ***'", ErrorEnvelope.Quote(Encoding.UTF8.GetBytes("key: secret"), "secret"));
        Assert.Equal("'no key'", ErrorEnvelope.Quote(Encoding.UTF8.GetBytes("no key"), ""));
    }

    [Fact]
    public async Task An_error_without_a_description_names_the_status_and_quotes_the_body()
    {
        var handler = new FakeHandler()
            .Then((_, _) => Task.FromResult(Raw(418, "")))
            .Then((_, _) => Task.FromResult(Raw(418, "<p>teapot</p>")));
        using var client = TestClients.Create(handler, o => o.MaxRetries = 0);
        var empty = await Assert.ThrowsAsync<CometChatApiException>(() => client.GetUserAsync("a"));
        Assert.Equal("CometChat answered HTTP 418 without an error description.", empty.Message);
        var page = await Assert.ThrowsAsync<CometChatApiException>(() => client.GetUserAsync("a"));
        Assert.Equal("CometChat answered HTTP 418 without an error description. '<p>teapot</p>'", page.Message);
        Assert.Null(page.DevMessage);
    }

    [Fact]
    public async Task The_envelope_s_message_dev_message_and_details_are_each_read()
    {
        var body = """{"error":{"code":"ERR_BAD_REQUEST","message":"Bad.","devMessage":"Dev text.","details":{"uid":["One.","Two."],"tags":3,"name":"Plain."}}}""";
        var handler = new FakeHandler().ThenJson(400, body);
        using var client = TestClients.Create(handler);
        var error = await Assert.ThrowsAsync<CometChatApiException>(() => client.GetUserAsync("a"));
        Assert.Equal("Bad.", error.Message);
        Assert.Equal("Dev text.", error.DevMessage);
        Assert.Equal(new[] { "One.", "Two." }, error.Details["uid"]);
        Assert.Equal(new[] { "3" }, error.Details["tags"]);
        Assert.Equal(new[] { "Plain." }, error.Details["name"]);
        Assert.Equal("Bad. uid: One. Two. tags: 3 name: Plain.", error.DescribeWithDetails());
    }

    [Theory]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(501, false)]
    [InlineData(505, false)]
    public void Only_rate_limits_and_server_faults_are_transient(int status, bool transient)
        => Assert.Equal(transient, new CometChatApiException(status, "ERR_X", "m", null, null).IsTransient);

    [Theory]
    [InlineData(401, "ERR_X", true)]
    [InlineData(403, "AUTH_ERR_NO_ACCESS", true)]
    [InlineData(403, "ERR_NO_AUTH_ERR_", false)]
    [InlineData(404, "ERR_UID_NOT_FOUND", false)]
    public void Authentication_failures_are_a_401_or_an_AUTH_ERR_code(int status, string code, bool failure)
        => Assert.Equal(failure, new CometChatApiException(status, code, "m", null, null).IsAuthenticationFailure);

    [Fact]
    public void A_validation_error_needs_a_problem_and_lists_every_one()
    {
        Assert.Throws<ArgumentException>(() => new CometChatValidationException(Array.Empty<FieldProblem>()));
        var error = new CometChatValidationException(new[] { new FieldProblem("uid", "Bad uid."), new FieldProblem("name", "Bad name.") });
        Assert.Equal("uid: Bad uid. name: Bad name. Nothing was sent to CometChat.", error.Message);
        Assert.Equal("uid", error.Field);
    }

    [Fact]
    public async Task Retries_and_failures_name_their_cause()
    {
        var handler = new FakeHandler()
            .ThenJson(503, FakeHandler.Error("ERR_X", "busy"))
            .ThenThrow(new HttpRequestException("reset by peer"))
            .ThenHang()
            .ThenThrow(new HttpRequestException("reset again"));
        using var client = TestClients.Create(handler, o =>
        {
            o.MaxRetries = 3;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        });
        var observer = new RecordingObserver();
        CometChatConnectionException error;
        using (RequestObserverScope.Begin(observer))
        {
            error = await Assert.ThrowsAsync<CometChatConnectionException>(() => client.GetUserAsync("a"));
        }
        Assert.Equal(new[] { "HTTP 503", "connection failed: reset by peer", "no answer in time" }, observer.Retries.Select(r => r.Reason));
        Assert.Equal(new[] { 2, 3, 4 }, observer.Retries.Select(r => r.NextAttempt));
        Assert.Equal("GET /users/a could not reach CometChat after 4 attempt(s): reset again", error.Message);
        Assert.Equal("ERR_CONNECTION_FAILED", error.ErrorCode);
        Assert.Equal(4, error.Attempts);
    }

    [Fact]
    public async Task Every_attempt_that_times_out_is_reported_the_last_and_one_without_retries_too()
    {
        // The in-flight sizing shrinks on timeouts: a timeout that no retry follows must reach it as well.
        foreach (var retries in new[] { 0, 1 })
        {
            var handler = new FakeHandler().ThenHang().ThenHang();
            using var client = TestClients.Create(handler, o =>
            {
                o.MaxRetries = retries;
                o.AttemptTimeout = TimeSpan.FromMilliseconds(100);
            });
            var observer = new RecordingObserver();
            using (RequestObserverScope.Begin(observer))
            {
                await Assert.ThrowsAsync<CometChatConnectionException>(() => client.GetUserAsync("a"));
            }
            Assert.Equal(Enumerable.Range(1, retries + 1).Select(attempt => ("GET", "/users/a", attempt)), observer.TimedOut);
        }
    }

    [Fact]
    public async Task A_refused_connection_or_a_cancelled_call_is_not_a_timeout()
    {
        var refused = new FakeHandler().ThenThrow(new HttpRequestException("refused"));
        using var client = TestClients.Create(refused, o => o.MaxRetries = 0);
        var observer = new RecordingObserver();
        using (RequestObserverScope.Begin(observer))
        {
            await Assert.ThrowsAsync<CometChatConnectionException>(() => client.GetUserAsync("a"));
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            using var hanging = TestClients.Create(new FakeHandler().ThenHang(), o => o.AttemptTimeout = TimeSpan.FromSeconds(30));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hanging.GetUserAsync("a", cancellationToken: cancel.Token));
        }
        Assert.Empty(observer.TimedOut);
    }

    [Fact]
    public async Task A_request_that_never_gets_an_answer_says_so_with_its_attempts()
    {
        var handler = new FakeHandler().ThenHang().ThenHang();
        using var client = TestClients.Create(handler, o =>
        {
            o.MaxRetries = 1;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(100);
        });
        var error = await Assert.ThrowsAsync<CometChatConnectionException>(() => client.GetUserAsync("a"));
        Assert.Equal("GET /users/a got no answer from CometChat in time after 2 attempt(s).", error.Message);
        Assert.Equal("ERR_REQUEST_TIMEOUT", error.ErrorCode);
    }

    [Fact]
    public async Task With_no_retries_a_fault_is_reported_after_one_attempt()
    {
        var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(FakeHandler.Json(503, FakeHandler.Error("ERR_X", "busy"))) };
        using var client = TestClients.Create(handler, o => o.MaxRetries = 0);
        Assert.Equal(1, (await Assert.ThrowsAsync<CometChatApiException>(() => client.GetUserAsync("a"))).Attempts);
        Assert.Single(handler.Requests);

        var once = new FakeHandler().ThenJson(503, FakeHandler.Error("ERR_X", "busy")).ThenJson(200, """{"data":{"uid":"a","name":"A"}}""");
        using var retrying = TestClients.Create(once, o => o.MaxRetries = 1);
        Assert.Equal("a", (await retrying.GetUserAsync("a")).Uid);
    }

    [Fact]
    public async Task Every_request_carries_the_user_agent_and_a_utf8_json_body()
    {
        var handler = new FakeHandler().ThenJson(200, """{"data":{"uid":"a","name":"A"}}""");
        using var client = TestClients.Create(handler, o => o.UserAgent = "Tests/1.0");
        var observer = new RecordingObserver();
        using (RequestObserverScope.Begin(observer))
        {
            await client.CreateUserAsync(new NewUser { Uid = "a", Name = "A" });
        }
        var request = Assert.Single(handler.Requests);
        Assert.Equal("Tests/1.0", request.Headers["User-Agent"]);
        var shown = Assert.Single(observer.SentHeaders);
        Assert.Contains(shown, h => h.Key == "Content-Type" && h.Value == "application/json; charset=utf-8");
        Assert.Contains(shown, h => h.Key == "User-Agent" && h.Value == "Tests/1.0");
        Assert.Equal("CometChat.Client", new CometChatClientOptions().UserAgent);
    }

    [Fact]
    public async Task Time_held_back_by_the_pacer_is_reported_as_throttling()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(50));
        var handler = new FakeHandler().ThenJson(200, """{"data":{"uid":"a","name":"A"}}""").ThenJson(200, """{"data":{"uid":"a","name":"A"}}""");
        using var client = TestClients.Create(handler, o => o.TimeProvider = clock);
        var observer = new RecordingObserver();
        using (RequestObserverScope.Begin(observer))
        {
            await client.GetUserAsync("a");
            Assert.Empty(observer.Throttles);
            client.Pacer.PauseFor(RateBucket.Standard, TimeSpan.FromSeconds(3));
            var held = client.GetUserAsync("a");   // started now: its wait begins before the clock moves
            await TestClients.WithClock(clock, () => held);
        }
        Assert.True(Assert.Single(observer.Throttles) >= TimeSpan.FromSeconds(3));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("abcdefghij", "**********")]
    [InlineData("abcdefghijk", "abcdef********jk")]
    [InlineData("alice_1700000000abcdef", "alice_********ef")]
    public void Tokens_show_masked(string token, string masked)
    {
        Assert.Equal(masked, SecretText.Mask(token));
        Assert.Equal(masked, new CometChatAuthToken { Token = SecretText.Protect(token) }.ToString());
    }

    [Fact]
    public void New_objects_start_empty_not_with_placeholder_text()
    {
        Assert.Equal(string.Empty, new CometChatAuthToken().Uid);
        Assert.Equal(string.Empty, new CometChatAuthToken().ToString());
        Assert.Equal(string.Empty, new CometChatUser().Name);
        Assert.Equal(string.Empty, new CometChatRole().Role);
        Assert.Equal(string.Empty, new NewUser().Uid + new NewUser().Name);
        Assert.Equal(string.Empty, new NewRole().Role + new NewRole().Name);
        Assert.Equal(string.Empty, new CometChatBlockedUser().Uid + new CometChatBlockedUser().BlockedBy);
    }

    [Theory]
    [InlineData("2a1b3c", " EU ", "https://2a1b3c.api-eu.cometchat.io/v3")]
    [InlineData(" app1 ", "us", "https://app1.api-us.cometchat.io/v3")]
    public void An_app_s_base_uri_is_built_from_its_id_and_region(string appId, string region, string expected)
        => Assert.Equal(expected, CometChatClientOptions.AppBaseUri(appId, region).AbsoluteUri);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_app_id_is_required(string appId)
        => Assert.StartsWith("The app ID is empty. Copy it from the CometChat dashboard", Assert.Throws<ArgumentException>(() => CometChatClientOptions.AppBaseUri(appId, "us")).Message);

    [Fact]
    public void A_client_without_a_key_says_so()
        => Assert.StartsWith("An API key is required.", Assert.Throws<ArgumentException>(() => new CometChatClient(new CometChatClientOptions())).Message);

    [Fact]
    public void Header_descriptions_hide_every_credential_and_show_content_headers()
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "https://example.com/v3/users");
        foreach (var secret in new[] { "apikey", "Authorization", "Proxy-Authorization", "Cookie", "authtoken" })
        {
            message.Headers.TryAddWithoutValidation(secret, "secret-value");
        }
        message.Headers.TryAddWithoutValidation("onBehalfOf", "alice");
        message.Headers.TryAddWithoutValidation("X-Two", new[] { "a", "b" });
        message.Content = new StringContent("{}", Encoding.UTF8, "application/json");

        var shown = HeaderRedaction.Describe(message);
        Assert.Equal(8, shown.Count);
        Assert.All(shown.Take(5), h => Assert.Equal(HeaderRedaction.Hidden, h.Value));
        Assert.Equal(new KeyValuePair<string, string>("onBehalfOf", "alice"), shown[5]);
        Assert.Equal(new KeyValuePair<string, string>("X-Two", "a, b"), shown[6]);
        Assert.Equal(new KeyValuePair<string, string>("Content-Type", "application/json; charset=utf-8"), shown[7]);
    }

    [Fact]
    public void Metadata_that_is_not_an_object_says_why()
    {
        Assert.Equal("Metadata '[1]' is a JSON array; expected a JSON object such as {\"department\":\"sales\"}.",
            Assert.Throws<FormatException>(() => CometChatMetadata.Parse("[1]")).Message);
        Assert.StartsWith("Metadata '{' is not JSON", Assert.Throws<FormatException>(() => CometChatMetadata.Parse("{")).Message);
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("Avatar")]
    [InlineData("Link")]
    [InlineData("Role")]
    [InlineData("StatusMessage")]
    [InlineData("Metadata")]
    [InlineData("Tags")]
    [InlineData("Unset")]
    public void An_update_with_any_field_is_not_empty(string field)
    {
        Assert.True(new UserUpdate().IsEmpty);
        Assert.True(new UserUpdate { Unset = new List<string>() }.IsEmpty);
        var update = field switch
        {
            "Name" => new UserUpdate { Name = "" },
            "Avatar" => new UserUpdate { Avatar = "" },
            "Link" => new UserUpdate { Link = "" },
            "Role" => new UserUpdate { Role = "" },
            "StatusMessage" => new UserUpdate { StatusMessage = "" },
            "Metadata" => new UserUpdate { Metadata = new CometChatMetadata() },
            "Tags" => new UserUpdate { Tags = new List<string>() },
            _ => new UserUpdate { Unset = new[] { "avatar" } },
        };
        Assert.False(update.IsEmpty);
    }
}
