using Analytics.Api.Shared.Observability;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Tests.Shared.Observability;

/// <summary>The rolling 5-minute window behind `/api/status` (API.md §4.10): expiry, rates, the percentile and active users.</summary>
public sealed class RequestWindowTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Read_WithoutTraffic_ReportsZeroRequestsAndNullRates()
    {
        var reading = new RequestWindow(new FakeTimeProvider(Start)).Read();

        Assert.Multiple(() =>
        {
            Assert.That(reading.RequestsPerMinute, Is.Zero);
            Assert.That(reading.P95LatencyMs, Is.Null);
            Assert.That(reading.ErrorRate, Is.Null);
            Assert.That(reading.CacheHitRate, Is.Null);
            Assert.That(reading.MemoryHitRate, Is.Null);
            Assert.That(reading.SnapshotHitRate, Is.Null);
            Assert.That(reading.ActiveUsers, Is.Zero);
        });
    }

    [Test]
    public void Read_OnAYoungInstance_DividesByAtLeastOneMinute()
    {
        var clock = new FakeTimeProvider(Start);
        var window = new RequestWindow(clock);
        Record(window, 30, TimeSpan.FromMilliseconds(2));

        Assert.That(window.Read().RequestsPerMinute, Is.EqualTo(30));
    }

    [Test]
    public void Read_AfterFiveMinutes_AveragesOverTheFullWindow()
    {
        var clock = new FakeTimeProvider(Start);
        var window = new RequestWindow(clock);
        for (var minute = 0; minute < 5; minute++)
        {
            clock.Advance(minute == 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(1));
            Record(window, 60, TimeSpan.FromMilliseconds(2));
        }

        // Read in the last second whose window still holds the first burst: 300 requests over 300 seconds.
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.That(window.Read().RequestsPerMinute, Is.EqualTo(60));
    }

    [Test]
    public void Read_DropsRequestsOlderThanThreeHundredSeconds()
    {
        var clock = new FakeTimeProvider(Start);
        var window = new RequestWindow(clock);
        clock.Advance(TimeSpan.FromMinutes(10));
        Record(window, 50, TimeSpan.FromMilliseconds(2));

        clock.Advance(TimeSpan.FromSeconds(299));
        var stillInside = window.Read();
        clock.Advance(TimeSpan.FromSeconds(1));
        var expired = window.Read();

        Assert.Multiple(() =>
        {
            Assert.That(stillInside.RequestsPerMinute, Is.EqualTo(10));
            Assert.That(stillInside.P95LatencyMs, Is.Not.Null);
            Assert.That(expired.RequestsPerMinute, Is.Zero);
            Assert.That(expired.P95LatencyMs, Is.Null);
        });
    }

    [Test]
    public void Record_InABucketComingRoundAgain_ClearsItsOldCounts()
    {
        var clock = new FakeTimeProvider(Start);
        var window = new RequestWindow(clock);
        clock.Advance(TimeSpan.FromMinutes(10));
        Record(window, 40, TimeSpan.FromMilliseconds(2), statusCode: 503);

        clock.Advance(TimeSpan.FromSeconds(RequestWindow.WindowSeconds));
        Record(window, 1, TimeSpan.FromMilliseconds(2));
        var reading = window.Read();

        Assert.Multiple(() =>
        {
            Assert.That(reading.RequestsPerMinute, Is.EqualTo(0.2));
            Assert.That(reading.ErrorRate, Is.Zero);
        });
    }

    [Test]
    public void P95_OfOneToOneHundredMilliseconds_IsNinetyFiveWithinTheBinWidth()
    {
        var window = new RequestWindow(new FakeTimeProvider(Start));
        for (var ms = 1; ms <= 100; ms++)
        {
            window.RecordRequest(TimeSpan.FromMilliseconds(ms), 200, null);
        }

        Assert.That(window.Read().P95LatencyMs, Is.EqualTo(95).Within(5).Percent);
    }

    [Test]
    public void P95_IgnoresTheSlowestFivePercent()
    {
        var window = new RequestWindow(new FakeTimeProvider(Start));
        Record(window, 95, TimeSpan.FromMilliseconds(3));
        Record(window, 5, TimeSpan.FromSeconds(2));

        Assert.That(window.Read().P95LatencyMs, Is.EqualTo(3).Within(25).Percent);
    }

    [Test]
    public void ErrorRate_IsTheShareOfServerErrors()
    {
        var window = new RequestWindow(new FakeTimeProvider(Start));
        Record(window, 6, TimeSpan.FromMilliseconds(1));
        Record(window, 1, TimeSpan.FromMilliseconds(1), statusCode: 404);
        Record(window, 1, TimeSpan.FromMilliseconds(1), statusCode: 500);

        Assert.That(window.Read().ErrorRate, Is.EqualTo(0.125));
    }

    [Test]
    public void CacheRates_CountSnapshotHitsAsServedAndMissesOfBothLayersAsComputed()
    {
        var window = new RequestWindow(new FakeTimeProvider(Start));
        window.RecordCacheLookup("memory", hit: true, 2);
        window.RecordCacheLookup("memory", hit: false, 2);
        window.RecordCacheLookup("snapshot", hit: true, 1);
        window.RecordCacheLookup("snapshot", hit: false, 1);
        window.RecordCacheLookup("redis", hit: true, 7);

        var reading = window.Read();

        Assert.Multiple(() =>
        {
            Assert.That(reading.MemoryHitRate, Is.EqualTo(0.5));
            Assert.That(reading.SnapshotHitRate, Is.EqualTo(0.5));
            Assert.That(reading.CacheHitRate, Is.EqualTo(0.75));
        });
    }

    [Test]
    public void CacheRates_ExpireWithTheWindow()
    {
        var clock = new FakeTimeProvider(Start);
        var window = new RequestWindow(clock);
        window.RecordCacheLookup("memory", hit: true, 1);

        clock.Advance(TimeSpan.FromSeconds(RequestWindow.WindowSeconds));

        Assert.That(window.Read().MemoryHitRate, Is.Null);
    }

    [Test]
    public void ActiveUsers_CountsDistinctUsersForFifteenMinutes()
    {
        var clock = new FakeTimeProvider(Start);
        var window = new RequestWindow(clock);
        foreach (var user in new[] { "learner-123", "trainer-456", "learner-123", "admin-789", "learner-123" })
        {
            window.RecordRequest(TimeSpan.FromMilliseconds(1), 200, user);
        }

        window.RecordRequest(TimeSpan.FromMilliseconds(1), 200, null);
        var now = window.Read().ActiveUsers;
        clock.Advance(TimeSpan.FromMinutes(14));
        var after14 = window.Read().ActiveUsers;
        window.RecordRequest(TimeSpan.FromMilliseconds(1), 200, "trainer-456");
        clock.Advance(TimeSpan.FromMinutes(3));
        var after17 = window.Read().ActiveUsers;
        clock.Advance(TimeSpan.FromMinutes(15));
        var after32 = window.Read().ActiveUsers;

        Assert.Multiple(() =>
        {
            Assert.That(now, Is.EqualTo(3));
            Assert.That(after14, Is.EqualTo(3), "still inside 15 minutes");
            Assert.That(after17, Is.EqualTo(1), "only the user seen again at minute 14 is left");
            Assert.That(after32, Is.Zero);
        });
    }

    [Test]
    public void ActiveUsers_ForManyUsers_CountsEachOnceAndForgetsThoseOutsideTheWindow()
    {
        var users = new ActiveUsers();
        for (var i = 0; i < 50_000; i++)
        {
            users.Record($"learner-{i % 40_000}", 1000 + (i % 10));
        }

        Assert.Multiple(() =>
        {
            Assert.That(users.Count(1012), Is.EqualTo(40_000));
            Assert.That(users.Count(1020), Is.EqualTo(20_000), "only those last seen at minutes 1005 to 1009 are left");
            Assert.That(users.Count(1030), Is.Zero);
        });
    }

    [Test]
    public void LatencyBins_CoverEveryDurationWithoutGapsOrOverlap()
    {
        var previous = -1;
        for (long micros = 0; micros < 70_000_000; micros = micros < 1000 ? micros + 1 : micros + (micros / 997))
        {
            var bin = LatencyHistogram.BinOf(TimeSpan.FromTicks(micros * TimeSpan.TicksPerMicrosecond));
            var (lower, width) = LatencyHistogram.BoundsOf(bin);

            Assert.That(bin, Is.GreaterThanOrEqualTo(previous), $"{micros} µs");
            if (bin < LatencyHistogram.BinCount - 1)
            {
                Assert.That(micros, Is.GreaterThanOrEqualTo(lower).And.LessThan(lower + width), $"{micros} µs in bin {bin}");
            }

            previous = bin;
        }

        Assert.That(previous, Is.EqualTo(LatencyHistogram.BinCount - 1));
    }

    private static void Record(RequestWindow window, int count, TimeSpan elapsed, int statusCode = 200)
    {
        for (var i = 0; i < count; i++)
        {
            window.RecordRequest(elapsed, statusCode, null);
        }
    }
}
