using CometChat.Client.Http;
using Microsoft.Extensions.Time.Testing;

namespace CometChat.Client.Tests;

/// <summary>The pacer on a fake clock: deterministic, no real waiting.</summary>
public class PacerTests
{
    private static FakeTimeProvider NewClock() => new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    [Fact]
    public async Task Holds_requests_to_the_configured_rate()
    {
        // 60 a minute: one a second. Each waiter is released by its own second on the fake clock, none before; the
        // clock only moves when the test moves it, so "not yet released" needs no waiting to be sure of.
        var clock = NewClock();
        var pacer = new RequestPacer(60, 0, headroom: 1.0, clock);

        var waits = Enumerable.Range(0, 5).Select(_ => pacer.WaitAsync(RateBucket.Core, CancellationToken.None)).ToList();
        Assert.Equal(TimeSpan.Zero, await waits[0].WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.All(waits.Skip(1), w => Assert.False(w.IsCompleted));

        for (var second = 1; second <= 4; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(TimeSpan.FromSeconds(second), await waits[second].WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.All(waits.Skip(second + 1), w => Assert.False(w.IsCompleted));
        }
    }

    [Fact]
    public async Task Over_any_window_of_the_service_it_never_exceeds_the_limit()
    {
        // 600/min paced at 97.5%, the clock moved 100 ms at a time: count what goes out per fixed 6-second window.
        // Each release is stamped with the clock time the test set before it; the next step waits until every
        // request due by then has been released, so a slow thread can't push a release into a later window.
        var clock = NewClock();
        var pacer = new RequestPacer(600, 0, headroom: 0.975, clock);
        var interval = TimeSpan.FromMinutes(1) / (600 * 0.975);
        var released = new List<DateTimeOffset>();
        var start = clock.GetUtcNow();
        var pending = Enumerable.Range(0, 200).Select(async _ =>
        {
            await pacer.WaitAsync(RateBucket.Core, CancellationToken.None);
            lock (released) { released.Add(clock.GetUtcNow()); }
        }).ToList();

        for (var tick = 0; tick < 250 && Count() < 200; tick++)
        {
            var due = Math.Min(200, (int)Math.Floor((clock.GetUtcNow() - start) / interval) + 1);
            await TestClients.Until(() => Count() >= due);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }
        await Task.WhenAll(pending);

        var perWindow = released.GroupBy(t => t.ToUnixTimeSeconds() / 6).Select(g => g.Count()).ToList();
        Assert.All(perWindow, count => Assert.True(count <= 60, $"a 6 s window saw {count} > 60"));
        Assert.True(perWindow.Max() >= 55, $"pacing too slow: {perWindow.Max()} per 6 s");

        int Count()
        {
            lock (released) { return released.Count; }
        }
    }

    [Fact]
    public async Task Zero_means_no_pacing()
    {
        var pacer = new RequestPacer(0, 0, 1.0, NewClock());
        var waits = Enumerable.Range(0, 1000).Select(_ => pacer.WaitAsync(RateBucket.Standard, CancellationToken.None));
        await Task.WhenAll(waits);
        Assert.Equal(0, pacer.RequestsPerMinute(RateBucket.Standard));
    }

    [Fact]
    public void Follows_a_lower_limit_reported_by_the_service_unless_one_was_set()
    {
        var automatic = new RequestPacer(null, null, 1.0, NewClock());
        Assert.Equal(10_000, automatic.RequestsPerMinute(RateBucket.Core));
        Assert.Equal(20_000, automatic.RequestsPerMinute(RateBucket.Standard));
        automatic.Observe(RateBucket.Core, 700, 699);
        Assert.Equal(700, automatic.RequestsPerMinute(RateBucket.Core));
        automatic.Observe(RateBucket.Core, 5000, 10);
        Assert.Equal(700, automatic.RequestsPerMinute(RateBucket.Core));

        var configured = new RequestPacer(9000, null, 1.0, NewClock());
        configured.Observe(RateBucket.Core, 700, 699);
        Assert.Equal(9000, configured.RequestsPerMinute(RateBucket.Core));
    }

    [Fact]
    public async Task A_pause_holds_every_request_of_the_tier_until_it_ends()
    {
        var clock = NewClock();
        var pacer = new RequestPacer(0, 0, 1.0, clock);
        pacer.PauseFor(RateBucket.Core, TimeSpan.FromSeconds(5));

        var core = pacer.WaitAsync(RateBucket.Core, CancellationToken.None);
        Assert.Equal(TimeSpan.Zero, await pacer.WaitAsync(RateBucket.Standard, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(core.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(core.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(5), await core.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task An_exhausted_window_pauses_briefly()
    {
        var clock = NewClock();
        var pacer = new RequestPacer(0, 0, 1.0, clock);
        pacer.Observe(RateBucket.Core, 10_000, 0);
        var wait = pacer.WaitAsync(RateBucket.Core, CancellationToken.None);
        Assert.False(wait.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(1), await wait.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Waiting_is_cancellable()
    {
        var pacer = new RequestPacer(0, 0, 1.0, NewClock());
        pacer.PauseFor(RateBucket.Core, TimeSpan.FromHours(1));
        using var cancel = new CancellationTokenSource(50);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pacer.WaitAsync(RateBucket.Core, cancel.Token));
    }
}
