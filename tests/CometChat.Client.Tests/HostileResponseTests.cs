using System.Net;
using System.Net.Sockets;
using System.Text;
using CometChat.Client.Errors;
using CometChat.Client.Models;

namespace CometChat.Client.Tests;

/// <summary>
/// Answers no well-behaved CometChat gives, but a proxy, a misconfigured base URI or a broken network can: each
/// ends in one of the client's typed errors with a message that says what was wrong, never a parser exception,
/// never a hang, never unbounded memory.
/// </summary>
public sealed class HostileResponseTests
{
    /// <summary>The operations each body is fed to: a single item, a page, a create, a result map, a token page.</summary>
    private static readonly (string Name, Func<CometChatClient, Task> Call)[] Operations =
    {
        ("get user", c => c.GetUserAsync("alice")),
        ("list users", c => c.ListUsersAsync(new UserQuery())),
        ("create user", c => c.CreateUserAsync(new NewUser { Uid = "alice", Name = "Alice" })),
        ("block users", c => c.BlockUsersAsync("alice", new[] { "bob" })),
        ("list auth tokens", c => c.ListAuthTokensAsync("alice")),
    };

    public static TheoryData<string, string> Bodies => new()
    {
        { "truncated JSON", "{\"data\":{\"uid\":\"alice\",\"name\":\"Al" },
        { "proxy HTML page", "<html><body><h1>502 Bad Gateway</h1></body></html>" },
        { "empty body", "" },
        { "whitespace", "   \r\n  " },
        { "a JSON array", "[{\"uid\":\"alice\"}]" },
        { "a JSON string", "\"ok\"" },
        { "JSON null", "null" },
        { "no data field", "{\"meta\":{}}" },
        { "data is null", "{\"data\":null}" },
        { "data is a number", "{\"data\":42}" },
        { "data is a string", "{\"data\":\"alice\"}" },
        { "uid is a number", "{\"data\":{\"uid\":7,\"name\":\"A\"}}" },
        { "tags is an object", "{\"data\":{\"uid\":\"a\",\"name\":\"A\",\"tags\":{\"x\":1}}}" },
        { "createdAt is text", "{\"data\":{\"uid\":\"a\",\"name\":\"A\",\"createdAt\":\"yesterday\"}}" },
        { "createdAt overflows", "{\"data\":{\"uid\":\"a\",\"name\":\"A\",\"createdAt\":1e400}}" },
        { "a huge number", "{\"data\":{\"uid\":\"a\",\"name\":\"A\",\"createdAt\":123456789012345678901234567890}}" },
        { "deep nesting", "{\"data\":" + new string('[', 10_000) + new string(']', 10_000) + "}" },
        { "an error envelope with a 200", "{\"error\":{\"code\":\"ERR_SOMETHING\",\"message\":\"no\"}}" },
        { "trailing garbage", "{\"data\":{\"uid\":\"a\",\"name\":\"A\"}} trailing" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_malformed_success_answer_is_a_typed_error_for_every_operation(string name, string body)
    {
        foreach (var (operation, call) in Operations)
        {
            var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(Raw(200, Encoding.UTF8.GetBytes(body))) };
            using var client = TestClients.Create(handler, o => o.MaxRetries = 0);
            var error = await Record.ExceptionAsync(() => call(client));
            if (error is null)
            {
                // Some bodies are valid for some operations (a page with no "data" list is not; a user with extra
                // fields is); an answer that reads is fine as long as nothing escapes untyped.
                continue;
            }
            var typed = Assert.IsAssignableFrom<CometChatException>(error);
            Assert.True(typed is CometChatResponseException or CometChatApiException, $"{name} / {operation}: {error.GetType().Name}");
            if (typed is CometChatResponseException response)
            {
                Assert.Equal("ERR_INVALID_RESPONSE", response.ErrorCode);
                Assert.Equal(200, response.StatusCode);
                Assert.Contains("could not be read", response.Message);
                Assert.Contains("Start of the answer:", response.Message);
            }
        }
    }

    [Fact]
    public async Task Every_malformed_body_fails_at_least_the_single_user_read()
    {
        // The theory above tolerates answers that read; this pins that each case really is malformed for a get.
        foreach (var row in Bodies)
        {
            var body = (string)row[1];
            var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(Raw(200, Encoding.UTF8.GetBytes(body))) };
            using var client = TestClients.Create(handler, o => o.MaxRetries = 0);
            var error = await Record.ExceptionAsync(() => client.GetUserAsync("alice"));
            Assert.True(error is CometChatResponseException, $"{row[0]}: {error?.GetType().Name ?? "no error"}");
        }
    }

    [Theory]
    [InlineData("invalid UTF-8", new byte[] { 0x7B, 0x22, 0x64, 0x61, 0x74, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D })]
    [InlineData("a UTF-16 body", new byte[] { 0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00 })]
    [InlineData("a NUL byte", new byte[] { 0x7B, 0x00, 0x7D })]
    public async Task Bytes_that_are_not_UTF8_JSON_are_a_typed_error(string name, byte[] body)
    {
        var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(Raw(200, body)) };
        using var client = TestClients.Create(handler, o => o.MaxRetries = 0);
        var error = await Assert.ThrowsAsync<CometChatResponseException>(() => client.GetUserAsync("alice"));
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Contains("HTTP 200", error.Message);
    }

    [Fact]
    public async Task A_BOM_before_valid_JSON_reads()
    {
        var json = Encoding.UTF8.GetBytes(FakeHandler.Fixture("get-user"));
        var handler = new FakeHandler().Then((_, _) => Task.FromResult(Raw(200, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(json).ToArray())));
        using var client = TestClients.Create(handler);
        Assert.Equal("superhero6", (await client.GetUserAsync("superhero6")).Uid);
    }

    [Fact]
    public async Task Metadata_that_is_not_an_object_is_kept_readable_as_the_service_does()
    {
        var handler = new FakeHandler().ThenJson(200, "{\"data\":{\"uid\":\"a\",\"name\":\"A\",\"metadata\":[1,2]}}");
        using var client = TestClients.Create(handler);
        Assert.Equal("[1,2]", (await client.GetUserAsync("a")).Metadata!["rawMetadata"]);
    }

    [Theory]
    [InlineData(418)]
    [InlineData(599)]
    [InlineData(302)]
    public async Task An_unexpected_status_is_an_api_error_that_names_it(int status)
    {
        var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(Raw(status, Encoding.UTF8.GetBytes("<html>teapot</html>"))) };
        using var client = TestClients.Create(handler, o => o.MaxRetries = 0);
        var error = await Assert.ThrowsAsync<CometChatApiException>(() => client.GetUserAsync("alice"));
        Assert.Equal($"ERR_HTTP_{status}", error.ErrorCode);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Theory]
    [InlineData("{\"error\":{}}")]
    [InlineData("{\"error\":{\"code\":7,\"message\":[\"x\"],\"details\":\"not an object\"}}")]
    [InlineData("{\"error\":\"flat text\"}")]
    [InlineData("{\"error\":{\"code\":\"ERR_BAD_REQUEST\",\"details\":{\"uid\":{\"nested\":true},\"name\":5}}}")]
    public async Task An_odd_error_envelope_is_still_an_api_error(string body)
    {
        var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(Raw(400, Encoding.UTF8.GetBytes(body))) };
        using var client = TestClients.Create(handler, o => o.MaxRetries = 0);
        var error = await Assert.ThrowsAsync<CometChatApiException>(() => client.GetUserAsync("alice"));
        Assert.Equal(400, error.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public async Task A_two_megabyte_page_reads()
    {
        var users = string.Join(",", Enumerable.Range(0, 400).Select(i =>
            $"{{\"uid\":\"u{i}\",\"name\":\"User {i}\",\"metadata\":{{\"blob\":\"{new string('x', 5000)}\"}}}}"));
        var body = Encoding.UTF8.GetBytes($"{{\"data\":[{users}],\"meta\":{{\"pagination\":{{\"total\":400,\"count\":400,\"per_page\":1000,\"current_page\":1,\"total_pages\":1}}}}}}");
        Assert.True(body.Length > 2_000_000);
        var handler = new FakeHandler().Then((_, _) => Task.FromResult(Raw(200, body)));
        using var client = TestClients.Create(handler);
        var page = await client.ListUsersAsync(new UserQuery(), 1, 1000);
        Assert.Equal(400, page.Items.Count);
    }

    [Fact]
    public async Task A_huge_body_is_refused_without_being_read()
    {
        var stream = new EndlessStream();
        var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stream) }) };
        using var client = TestClients.Create(handler, o => o.MaxRetries = 0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = await Assert.ThrowsAsync<CometChatResponseException>(() => client.ListUsersAsync(new UserQuery()));
        Assert.Contains("larger than 16 MB", error.Message);
        // It stopped at the cap, not at the end (there is none), and kept at most about the cap in memory.
        Assert.InRange(stream.Served, 16L * 1024 * 1024, 17L * 1024 * 1024);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 200L * 1024 * 1024, "allocations stay bounded");
    }

    [Fact]
    public async Task A_declared_huge_body_is_refused_before_reading()
    {
        var stream = new EndlessStream();
        var content = new StreamContent(stream);
        content.Headers.ContentLength = 50L * 1024 * 1024;
        var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content }) };
        using var client = TestClients.Create(handler, o => o.MaxRetries = 0);
        var error = await Assert.ThrowsAsync<CometChatResponseException>(() => client.GetUserAsync("alice"));
        Assert.Contains("52,428,800 bytes declared", error.Message);
        Assert.Equal(0, stream.Served);
    }

    [Fact]
    public async Task A_slow_drip_is_cut_by_the_attempt_timeout()
    {
        var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new DripStream()) }) };
        using var client = TestClients.Create(handler, o =>
        {
            o.MaxRetries = 0;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        });
        var call = client.GetUserAsync("alice");
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.Same(call, finished);
        var error = await Assert.ThrowsAsync<CometChatConnectionException>(() => call);
        Assert.Equal("ERR_REQUEST_TIMEOUT", error.ErrorCode);
    }

    [Theory]
    [InlineData("headers then silence", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"data\"", false, "ERR_REQUEST_TIMEOUT")]
    [InlineData("closed mid-body", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"data\":{\"uid\"", true, "ERR_CONNECTION_FAILED")]
    [InlineData("broken chunked encoding", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n", true, "ERR_CONNECTION_FAILED")]
    [InlineData("not HTTP at all", "SSH-2.0-OpenSSH_9.2\r\n", true, "ERR_CONNECTION_FAILED")]
    [InlineData("a drip over a real socket", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n", false, "ERR_REQUEST_TIMEOUT")]
    public async Task Broken_answers_over_a_real_socket_are_typed_errors(string name, string answer, bool close, string code)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var server = Task.Run(async () =>
        {
            using var socket = await listener.AcceptTcpClientAsync(stop.Token);
            var stream = socket.GetStream();
            var buffer = new byte[4096];
            _ = await stream.ReadAsync(buffer, stop.Token); // the request (its size does not matter)
            await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), stop.Token);
            if (close)
            {
                return;
            }
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    await Task.Delay(50, stop.Token);
                    await stream.WriteAsync(" "u8.ToArray(), stop.Token);
                }
            }
            catch (Exception)
            {
                // The client went away.
            }
        });
        using var client = new CometChatClient(new CometChatClientOptions
        {
            BaseUri = new Uri($"http://127.0.0.1:{port}/v3"),
            ApiKey = TestClients.Secret(TestClients.ApiKey),
            MaxRetries = 0,
            // Short where the timeout is what ends the call; generous where the failure must come from the socket,
            // so that a slow, busy machine can't turn a dropped connection into a timeout.
            AttemptTimeout = close ? TimeSpan.FromSeconds(15) : TimeSpan.FromMilliseconds(500),
            CoreRequestsPerMinute = 0,
            StandardRequestsPerMinute = 0,
        });
        var call = client.GetUserAsync("alice");
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(30)));
        stop.Cancel();
        Assert.Same(call, finished);
        var error = await Assert.ThrowsAsync<CometChatConnectionException>(() => call);
        Assert.Equal(code, error.ErrorCode);
        Assert.False(string.IsNullOrEmpty(name));
        await Task.WhenAny(server, Task.Delay(2000));
    }

    private static HttpResponseMessage Raw(int status, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return new HttpResponseMessage((HttpStatusCode)status) { Content = content };
    }

    /// <summary>A body that never ends: '[' forever, counting what was served.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'[', offset, count);
            Served += count;
            return count;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A body that gives one byte every 50 ms, forever, honouring cancellation.</summary>
    private sealed class DripStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();
        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            await Task.Delay(50, cancellationToken);
            buffer[offset] = (byte)' ';
            return 1;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
