using Analytics.Api.Features.Reports.Shared.Schedules;

namespace Analytics.Tests.Features.Reports;

/// <summary>The 5-field cron of a report schedule: validation, the 24-runs-a-day limit and next runs in a time zone.</summary>
public sealed class ScheduleCronTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [TestCase("0 7 * * 1")]
    [TestCase("*/60 * * * *")]
    [TestCase("0 */1 * * *")]
    [TestCase("30 8-17 1,15 JAN-MAR MON-FRI")]
    [TestCase("@daily")]
    [TestCase("@weekly")]
    [TestCase("@monthly")]
    public void Valid_IsAccepted(string text) => Assert.That(ScheduleCron.TryParse(text, out _), Is.True);

    [TestCase("")]
    [TestCase("0 7 * *")]
    [TestCase("0 0 7 * * 1")]
    [TestCase("60 * * * *")]
    [TestCase("0 24 * * *")]
    [TestCase("0 0 0 * *")]
    [TestCase("0 0 * 13 *")]
    [TestCase("0 0 * * 8")]
    [TestCase("0 0 L * *")]
    [TestCase("5-1 * * * *")]
    [TestCase("@hourly")]
    public void Invalid_IsRefused(string text) => Assert.That(ScheduleCron.TryParse(text, out _), Is.False);

    [TestCase("0 * * * *", 24)]
    [TestCase("*/30 * * * *", 48)]
    [TestCase("0,30 8-19 * * *", 24)]
    [TestCase("0,30 8-20 * * *", 26)]
    public void RunsPerDay_CountsMinutesTimesHours(string text, int runs)
    {
        Assert.That(ScheduleCron.TryParse(text, out var cron), Is.True);
        Assert.That(cron!.RunsPerDay, Is.EqualTo(runs));
    }

    [Test]
    public void NextRun_OfMonday7InBerlin_IsTheNextMonday0700Local_AsUtc()
    {
        Assert.That(ScheduleCron.TryParse("0 7 * * 1", out var cron), Is.True);

        // Wednesday 12 March 2025 (CET, UTC+1) and Wednesday 4 June 2025 (CEST, UTC+2).
        Assert.Multiple(() =>
        {
            Assert.That(cron!.NextAfter(new DateTimeOffset(2025, 3, 12, 12, 0, 0, TimeSpan.Zero), Berlin),
                Is.EqualTo(new DateTimeOffset(2025, 3, 17, 6, 0, 0, TimeSpan.Zero)));
            Assert.That(cron!.NextAfter(new DateTimeOffset(2025, 6, 4, 12, 0, 0, TimeSpan.Zero), Berlin),
                Is.EqualTo(new DateTimeOffset(2025, 6, 9, 5, 0, 0, TimeSpan.Zero)));
            // Monday 06:30 UTC is 07:30 in Berlin: this week's run has passed.
            Assert.That(cron!.NextAfter(new DateTimeOffset(2025, 3, 17, 6, 30, 0, TimeSpan.Zero), Berlin),
                Is.EqualTo(new DateTimeOffset(2025, 3, 24, 6, 0, 0, TimeSpan.Zero)));
        });
    }

    [Test]
    public void DayOfWeek_SevenAndZero_AreSunday()
    {
        Assert.That(ScheduleCron.TryParse("0 9 * * 7", out var seven), Is.True);
        Assert.That(ScheduleCron.TryParse("0 9 * * 0", out var zero), Is.True);
        var wednesday = new DateTimeOffset(2025, 3, 12, 0, 0, 0, TimeSpan.Zero);

        Assert.Multiple(() =>
        {
            Assert.That(seven!.NextAfter(wednesday, TimeZoneInfo.Utc), Is.EqualTo(new DateTimeOffset(2025, 3, 16, 9, 0, 0, TimeSpan.Zero)));
            Assert.That(zero!.NextAfter(wednesday, TimeZoneInfo.Utc), Is.EqualTo(new DateTimeOffset(2025, 3, 16, 9, 0, 0, TimeSpan.Zero)));
        });
    }

    [Test]
    public void BothDayFieldsRestricted_FiresOnEither_AsUnixCronDoes()
    {
        // The 20th or any Friday: after Wednesday 12 March 2025 the first is Friday 14 March, then the 20th (a Thursday).
        Assert.That(ScheduleCron.TryParse("0 0 20 * 5", out var cron), Is.True);
        var first = cron!.NextAfter(new DateTimeOffset(2025, 3, 12, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc);
        var second = cron.NextAfter(new DateTimeOffset(2025, 3, 19, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new DateTimeOffset(2025, 3, 14, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(second, Is.EqualTo(new DateTimeOffset(2025, 3, 20, 0, 0, 0, TimeSpan.Zero)));
        });
    }
}
