using CometChat.Client.Http;
using Microsoft.Extensions.Time.Testing;

namespace CometChat.Client.Tests;

/// <summary>The in-flight limit of a bulk operation, on a fake clock: sized by Little's law, shrunk by faults.</summary>
public class ConcurrencyControllerTests
{
    // CometChat's production limits, paced at 97.5%: 162.5 core and 325 standard requests a second.
    private static readonly FakeTimeProvider Clock = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    private static RequestPacer ProductionPacer(FakeTimeProvider? clock = null) => new(null, null, 0.975, clock ?? Clock);

    private static ConcurrencyController Settled(TimeSpan roundTrip, RequestPacer? pacer = null, RateBucket bucket = RateBucket.Core)
    {
        var controller = new ConcurrencyController(pacer ?? ProductionPacer(), Clock);
        for (var i = 0; i < 50; i++)
        {
            controller.Sent();
            controller.Completed(bucket, 200, roundTrip);
        }
        return controller;
    }

    [Theory]
    [InlineData(25, 23)]      // 162.5/s × (1.5 × 0.025 s + 0.1 s) = 22.3
    [InlineData(150, 53)]     // × 0.325 s = 52.8
    [InlineData(400, 114)]    // × 0.7 s = 113.75
    [InlineData(1000, 260)]   // × 1.6 s = 260
    public void Sizes_the_limit_by_Littles_law_from_the_paced_rate_and_the_round_trip(int roundTripMs, int expected)
    {
        var controller = Settled(TimeSpan.FromMilliseconds(roundTripMs));

        Assert.Equal(expected, controller.Limit);
        // What is on the wire at the paced rate, with room to spare: the pacer, not the limit, sets the rate.
        Assert.True(controller.Limit > 162.5 * roundTripMs / 1000.0 * 1.4);
    }

    [Fact]
    public void Stays_within_its_bounds()
    {
        Assert.Equal(17, Settled(TimeSpan.Zero).Limit);   // 162.5/s × 0.1 s: the pacer's next tenth of a second
        Assert.Equal(ConcurrencyController.Minimum, Settled(TimeSpan.FromMilliseconds(25), new RequestPacer(600, 1200, 0.975, Clock)).Limit);
        Assert.Equal(ConcurrencyController.Maximum, Settled(TimeSpan.FromSeconds(10)).Limit);
    }

    [Fact]
    public void Follows_the_round_trip_as_it_changes()
    {
        var controller = Settled(TimeSpan.FromMilliseconds(25));
        var before = controller.Limit;
        for (var i = 0; i < 100; i++)
        {
            controller.Completed(RateBucket.Core, 200, TimeSpan.FromMilliseconds(400));
        }
        Assert.Equal(114, controller.Limit);
        Assert.True(before < 114);
        Assert.Equal(400, controller.TimeInFlight!.Value.TotalMilliseconds, precision: 0);
    }

    [Fact]
    public void Sizes_for_the_tier_its_requests_use()
    {
        var standard = Settled(TimeSpan.FromMilliseconds(400), bucket: RateBucket.Standard);
        Assert.Equal(228, standard.Limit); // 325/s × 0.7 s = 227.5

        // One standard request among core ones: the mix moves a twentieth of the way (core share 0.95), and the core
        // tier still sets the rate, 162.5/s ÷ 0.95 = 171/s in all.
        var mostlyCore = Settled(TimeSpan.FromMilliseconds(400));
        mostlyCore.Completed(RateBucket.Standard, 200, TimeSpan.FromMilliseconds(400));
        Assert.Equal(120, mostlyCore.Limit); // 171.05/s × 0.7 s = 119.7
    }

    [Fact]
    public void Sizes_for_both_tiers_when_each_record_uses_both()
    {
        // New-CometChatUser -IfExists Update on existing users: a core create (refused) and a standard update per
        // record, on an app whose two tiers are both limited to 10,000 a minute. Each tier lets out 162.5 requests a
        // second, 325 in all, each holding its place 1 s: sizing for one tier alone would halve the speed.
        var controller = new ConcurrencyController(new RequestPacer(10_000, 10_000, 0.975, Clock), Clock);
        for (var i = 0; i < 100; i++)
        {
            controller.Sent();
            controller.Completed(i % 2 == 0 ? RateBucket.Core : RateBucket.Standard, 200, TimeSpan.FromSeconds(1));
        }
        Assert.True(controller.Limit >= 325 * 1.5, $"limit {controller.Limit}: below what 325 requests/s at 1 s need with headroom");

        // Only core requests from then on: the mix follows, and the limit comes back to the core tier's size.
        for (var i = 0; i < 200; i++)
        {
            controller.Completed(RateBucket.Core, 200, TimeSpan.FromSeconds(1));
        }
        Assert.Equal(260, controller.Limit);
    }

    [Fact]
    public void Held_back_requests_tell_the_mix_only_until_attempts_end()
    {
        var controller = Settled(TimeSpan.FromMilliseconds(400));
        for (var i = 0; i < 100; i++)
        {
            controller.Paced(RateBucket.Standard);
        }
        Assert.Equal(114, controller.Limit);
    }

    [Fact]
    public void Attempts_that_end_without_a_round_trip_stop_the_clock_from_growing_the_limit()
    {
        // Every early attempt is refused (429: another job spent the app's budget) or fails at once: the time since
        // the first went out says nothing of the round trip any more, and the limit must not grow with it to 512
        // requests waiting at a paused pacer.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var controller = new ConcurrencyController(ProductionPacer(clock), clock);
        controller.Sent();
        controller.Completed(RateBucket.Core, 429, TimeSpan.FromMilliseconds(5));
        controller.Completed(RateBucket.Core, 0, TimeSpan.FromMilliseconds(2));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(ConcurrencyController.Initial, controller.Limit);

        // A slow attempt without an answer (a 503 after 2 s) is still a lower bound of the round trip.
        controller.Completed(RateBucket.Core, 503, TimeSpan.FromSeconds(2));
        Assert.True(controller.Limit > ConcurrencyController.Initial);
    }


    [Fact]
    public void Follows_a_lower_rate_the_service_reports()
    {
        var pacer = ProductionPacer();
        var controller = Settled(TimeSpan.FromMilliseconds(1000), pacer);
        Assert.Equal(260, controller.Limit);

        pacer.Observe(RateBucket.Core, 5000, 4000);

        Assert.Equal(130, controller.Limit);
    }

    [Fact]
    public void Starts_at_the_initial_limit_and_grows_while_the_first_round_trip_is_under_way()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var controller = new ConcurrencyController(ProductionPacer(clock), clock);
        controller.Sent();
        controller.Paced(RateBucket.Core);
        Assert.Equal(ConcurrencyController.Initial, controller.Limit);

        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(41, controller.Limit);       // 162.5/s × (1.5 × 0.1 s + 0.1 s) = 40.6

        // No answer after 500 ms: the round trip is at least that long, and the limit keeps ahead of what the pacer
        // lets out meanwhile (162.5/s × 0.5 s = 82).
        clock.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(139, controller.Limit);      // 162.5/s × (1.5 × 0.5 s + 0.1 s) = 138.1
        Assert.Contains("at least 500 ms in flight each", controller.Describe());

        clock.Advance(TimeSpan.FromMilliseconds(500));
        controller.Completed(RateBucket.Core, 200, TimeSpan.FromSeconds(1));
        Assert.Equal(260, controller.Limit);
    }

    [Fact]
    public void Sizes_for_the_slower_tier_until_a_request_tells_which()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var controller = new ConcurrencyController(ProductionPacer(clock), clock);
        controller.Sent();
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(139, controller.Limit);      // 162.5/s × 0.85 s = 138.1

        controller.Paced(RateBucket.Standard);
        Assert.Equal(277, controller.Limit);      // 325/s × 0.85 s = 276.25
    }

    [Fact]
    public void Without_pacing_keeps_the_initial_limit_whatever_the_round_trip()
    {
        var controller = Settled(TimeSpan.FromSeconds(1), new RequestPacer(0, 0, 0.975, Clock));

        Assert.Equal(ConcurrencyController.Initial, controller.Limit);
        Assert.Contains("not paced", controller.Describe());
    }

    /// <summary>A 5xx answer, or an attempt that timed out (reported as no answer, then as a timeout).</summary>
    private static void Fault(ConcurrencyController controller, string kind)
    {
        if (kind == "timeout")
        {
            controller.Completed(RateBucket.Core, 0, TimeSpan.Zero);
            controller.TimedOut();
        }
        else
        {
            controller.Completed(RateBucket.Core, int.Parse(kind, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);
        }
    }

    [Theory]
    [InlineData("500")]
    [InlineData("503")]
    [InlineData("timeout")]
    public void Shrinks_on_a_fault_and_grows_back_one_request_per_good_answer(string kind)
    {
        // The faults take no time here, so that only the cut shows (their time is another test's).
        var controller = Settled(TimeSpan.FromMilliseconds(1000));

        Fault(controller, kind);
        Assert.Equal(247, controller.Limit);      // 260 × 0.95
        Assert.Contains("lowered after server errors or timeouts", controller.Describe());
        Fault(controller, kind);
        Assert.Equal(235, controller.Limit);      // 247 × 0.95 = 234.65

        for (var i = 0; i < 10; i++)
        {
            controller.Completed(RateBucket.Core, 200, TimeSpan.FromSeconds(1));
        }
        Assert.Equal(245, controller.Limit);
        for (var i = 0; i < 100; i++)
        {
            controller.Completed(RateBucket.Core, 200, TimeSpan.FromSeconds(1));
        }
        Assert.Equal(260, controller.Limit);      // back to the size, not above it
    }

    [Fact]
    public void A_refused_or_dropped_connection_does_not_shrink_it()
    {
        // A service that is down is not congested; its outage is the circuit breaker's business.
        var controller = Settled(TimeSpan.FromMilliseconds(1000));
        for (var i = 0; i < 100; i++)
        {
            controller.Completed(RateBucket.Core, 0, TimeSpan.Zero);
        }
        Assert.Equal(260, controller.Limit);
    }

    [Fact]
    public void Counts_the_time_of_failed_attempts_and_of_the_wait_before_a_retry()
    {
        // A request keeps its place while it fails and waits to retry: that time is part of what Little's law needs.
        var controller = Settled(TimeSpan.FromMilliseconds(400));
        Assert.Equal(114, controller.Limit);

        controller.Retrying(TimeSpan.FromMilliseconds(900));
        controller.Completed(RateBucket.Core, 200, TimeSpan.FromMilliseconds(400));

        // The answer carries 1.3 s: the average moves to 0.4 + 0.1 × 0.9 = 0.49 s; 162.5/s × (1.5 × 0.49 s + 0.1 s) = 135.7.
        Assert.Equal(136, controller.Limit);
        Assert.Contains("490 ms in flight each", controller.Describe());
    }

    [Fact]
    public void A_failing_service_brings_it_down_to_one()
    {
        var controller = Settled(TimeSpan.FromMilliseconds(1000));
        for (var i = 0; i < 120; i++)
        {
            controller.Completed(RateBucket.Core, 503, TimeSpan.FromSeconds(1));
        }
        Assert.Equal(1, controller.Limit);
    }

    [Fact]
    public void Faults_shrink_it_without_pacing_too()
    {
        var controller = Settled(TimeSpan.FromMilliseconds(25), new RequestPacer(0, 0, 0.975, Clock));
        controller.Completed(RateBucket.Core, 502, TimeSpan.FromMilliseconds(25));
        Assert.Equal(31, controller.Limit);       // 32 × 0.95 = 30.4
    }

    [Fact]
    public void Random_faults_at_a_low_rate_barely_touch_it()
    {
        // One fault in twenty answers, for a long while: the limit stays close to its size.
        var controller = Settled(TimeSpan.FromMilliseconds(1000));
        var lowest = int.MaxValue;
        for (var i = 1; i <= 2000; i++)
        {
            controller.Completed(RateBucket.Core, i % 20 == 0 ? 503 : 200, TimeSpan.FromSeconds(1));
            lowest = Math.Min(lowest, controller.Limit);
        }
        Assert.True(lowest >= 245, $"lowest {lowest}");
    }

    [Theory]
    [InlineData(429)]
    [InlineData(400)]
    [InlineData(404)]
    public void Client_errors_and_429s_are_not_faults(int status)
    {
        var controller = Settled(TimeSpan.FromMilliseconds(1000));
        controller.Completed(RateBucket.Core, status, TimeSpan.FromSeconds(1));
        Assert.Equal(260, controller.Limit);
    }

    [Fact]
    public void A_429_says_nothing_of_the_round_trip()
    {
        // The service refuses over-limit requests before any work: their time would drag the average down.
        var controller = Settled(TimeSpan.FromMilliseconds(1000));
        controller.Completed(RateBucket.Core, 429, TimeSpan.FromMilliseconds(1));
        Assert.Equal(260, controller.Limit);
        controller.Completed(RateBucket.Core, 404, TimeSpan.FromMilliseconds(1));
        Assert.Equal(236, controller.Limit);      // an answer: the average moves a tenth of the way to 1 ms
    }
}
