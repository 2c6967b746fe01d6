using CometChat.Client.Errors;
using CometChat.Client.Http;
using CometChat.Client.Models;
using Microsoft.Extensions.Time.Testing;

namespace CometChat.Client.Tests;

public class RetryTests
{
    private static readonly string User = """{"data":{"uid":"a","name":"A","status":"offline","role":"default","createdAt":1700000000}}""";

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Server_faults_are_retried_until_success(int status)
    {
        var handler = new FakeHandler().ThenJson(status, FakeHandler.Error("ERR_MISSION_FAILED", "boom")).ThenJson(200, User);
        using var client = TestClients.Create(handler);
        var observer = new RecordingObserver();
        using (RequestObserverScope.Begin(observer))
        {
            var user = await client.GetUserAsync("a");
            Assert.Equal("a", user.Uid);
        }
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(new[] { status, 200 }, observer.Requests.Select(r => r.Status));
        Assert.Equal(new[] { 1, 2 }, observer.Requests.Select(r => r.Attempt));
        Assert.Equal(2, Assert.Single(observer.Retries).NextAttempt);
    }

    [Fact]
    public async Task Dropped_connections_are_retried()
    {
        var handler = new FakeHandler().ThenThrow(new HttpRequestException("connection reset")).ThenJson(200, User);
        using var client = TestClients.Create(handler);
        Assert.Equal("a", (await client.GetUserAsync("a")).Uid);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task An_attempt_that_gets_no_answer_in_time_is_retried()
    {
        var handler = new FakeHandler().ThenHang().ThenJson(200, User);
        using var client = TestClients.Create(handler, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(100));
        Assert.Equal("a", (await client.GetUserAsync("a")).Uid);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Time_held_back_by_pacing_does_not_count_against_the_attempt_timeout()
    {
        // A 429 paused the tier for 10 s; attempts may take 2 s. The request waits the pause out, then is sent once:
        // the wait is not an attempt that got no answer, so it neither burns retries nor fails the request unsent.
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(50));
        var handler = new FakeHandler().ThenJson(200, User);
        using var client = TestClients.Create(handler, o =>
        {
            o.TimeProvider = clock;
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
        });
        client.Pacer.PauseFor(RateBucket.Standard, TimeSpan.FromSeconds(10));
        var observer = new RecordingObserver();

        using (RequestObserverScope.Begin(observer))
        {
            Assert.Equal("a", (await TestClients.WithClock(clock, () => client.GetUserAsync("a"))).Uid);
        }

        Assert.Empty(observer.Retries);
        Assert.Equal(1, Assert.Single(observer.Requests).Attempt);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        var handler = new FakeHandler().ThenJson(404, FakeHandler.Error("ERR_UID_NOT_FOUND", "nope"));
        using var client = TestClients.Create(handler);
        await Assert.ThrowsAsync<CometChatApiException>(() => client.GetUserAsync("a"));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Retries_are_bounded_by_count_and_report_the_attempts()
    {
        var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(FakeHandler.Json(503, FakeHandler.Error("ERR_X", "unavailable"))) };
        using var client = TestClients.Create(handler, o => o.MaxRetries = 3);

        var error = await Assert.ThrowsAsync<CometChatApiException>(() => client.GetUserAsync("a"));
        Assert.Equal(503, error.StatusCode);
        Assert.Equal(4, error.Attempts);
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task Retries_are_bounded_by_total_time()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(50));
        var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(FakeHandler.Json(503, FakeHandler.Error("ERR_X", "unavailable"))) };
        using var client = TestClients.Create(handler, o =>
        {
            o.TimeProvider = clock;
            o.MaxRetries = 100;
            o.RetryBaseDelay = TimeSpan.FromSeconds(2);
            o.MaxTotalTime = TimeSpan.FromSeconds(20);
        });

        var error = await Assert.ThrowsAsync<CometChatConnectionException>(() => TestClients.WithClock(clock, () => client.GetUserAsync("a")));
        Assert.Equal("ERR_REQUEST_TIMEOUT", error.ErrorCode);
        Assert.InRange(handler.Requests.Count, 2, 20);
    }

    [Fact]
    public async Task A_429_waits_at_least_retry_after_and_pauses_the_whole_tier()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(50));
        var handler = new FakeHandler()
            .ThenJson(429, FakeHandler.Error("ERR_TOO_MANY_REQUESTS", "slow down"), ("Retry-After", "7"), ("X-Rate-Limit", "10000"), ("X-Rate-Limit-Remaining", "0"))
            .ThenJson(200, User);
        using var client = TestClients.Create(handler, o => o.TimeProvider = clock);
        var observer = new RecordingObserver();

        using (RequestObserverScope.Begin(observer))
        {
            await TestClients.WithClock(clock, () => client.GetUserAsync("a"));
        }

        var retry = Assert.Single(observer.Retries);
        Assert.True(retry.Delay >= TimeSpan.FromSeconds(7), $"waited {retry.Delay}");
        Assert.Contains("429", retry.Reason);
        Assert.Contains(observer.Throttles, wait => wait >= TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task A_429_holds_back_every_request_of_its_tier_on_the_connection_and_no_other()
    {
        // Request a meets a 429 asking for 7 s. Request b, of the same tier, starts while a waits: it must not go out
        // before those 7 s have passed on the connection's clock. Request c, of the core tier, goes out at once.
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(50));
        var start = clock.GetUtcNow();
        var sentAt = new System.Collections.Concurrent.ConcurrentQueue<(string Path, TimeSpan At)>();
        var firstOfA = 0;
        var handler = new FakeHandler
        {
            Fallback = (request, _) =>
            {
                sentAt.Enqueue((request.Uri.AbsolutePath, clock.GetUtcNow() - start));
                return Task.FromResult(request.Uri.AbsolutePath.EndsWith("/users/a", StringComparison.Ordinal) && Interlocked.Exchange(ref firstOfA, 1) == 0
                    ? FakeHandler.Json(429, FakeHandler.Error("ERR_TOO_MANY_REQUESTS", "slow down"), ("Retry-After", "7"))
                    : FakeHandler.Json(200, request.Method == "DELETE" ? "{\"data\":{\"success\":true}}" : User));
            },
        };
        using var client = TestClients.Create(handler, o => o.TimeProvider = clock);
        var observer = new RecordingObserver();
        using var scope = RequestObserverScope.Begin(observer);

        var a = client.GetUserAsync("a");
        await TestClients.Until(() => observer.Retries.Count == 1);   // the 429 was seen and its wait scheduled
        var b = client.GetUserAsync("b");
        await client.DeleteUserAsync("c", permanent: true);
        await TestClients.WithClock(clock, () => Task.WhenAll(a, b).ContinueWith(t => t.Status));
        await Task.WhenAll(a, b);

        var times = sentAt.ToList();
        Assert.Equal(TimeSpan.Zero, times.Single(t => t.Path.EndsWith("/users/c", StringComparison.Ordinal)).At);
        var bSent = times.Single(t => t.Path.EndsWith("/users/b", StringComparison.Ordinal)).At;
        Assert.True(bSent >= TimeSpan.FromSeconds(7), $"b went out {bSent} after the 429 that asked for 7 s");
        Assert.True(times.Last(t => t.Path.EndsWith("/users/a", StringComparison.Ordinal)).At >= TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task A_429_reset_later_than_retry_after_is_honoured()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var handler = new FakeHandler()
            .ThenJson(429, FakeHandler.Error("ERR_TOO_MANY_REQUESTS", "slow down"), ("Retry-After", "1"), ("X-Rate-Limit-Reset", "1700000012"))
            .ThenJson(200, User);
        using var client = TestClients.Create(handler, o => o.TimeProvider = clock);
        var observer = new RecordingObserver();
        using (RequestObserverScope.Begin(observer))
        {
            await TestClients.WithClock(clock, () => client.GetUserAsync("a"));
        }
        Assert.True(Assert.Single(observer.Retries).Delay >= TimeSpan.FromSeconds(11));
    }

    [Fact]
    public async Task Cancellation_stops_at_once_without_retrying()
    {
        var handler = new FakeHandler().ThenHang();
        using var client = TestClients.Create(handler);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetUserAsync("a", null, cancel.Token));
        Assert.Single(handler.Requests);
    }
}
