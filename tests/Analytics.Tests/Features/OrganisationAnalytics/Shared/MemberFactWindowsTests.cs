using Analytics.Api.Features.OrganisationAnalytics.Shared;

namespace Analytics.Tests.Features.OrganisationAnalytics.Shared;

/// <summary>The windows of the member facts, counted back from asOf (ANALYTICS.md §0.1, §3.1).</summary>
public sealed class MemberFactWindowsTests
{
    [Test]
    public void Windows_OfAsOfInTheQuarter_CompareAsManyDaysOfThePreviousQuarterAndOfLastYear()
    {
        var windows = new MemberFactWindows(new DateOnly(2025, 3, 14));

        Assert.Multiple(() =>
        {
            Assert.That(windows.QuarterFrom, Is.EqualTo(new DateOnly(2025, 1, 1)));
            Assert.That(windows.QuarterDays, Is.EqualTo(73));
            Assert.That(windows.PreviousQuarterFrom, Is.EqualTo(new DateOnly(2024, 10, 1)));
            Assert.That(windows.PreviousQuarterTo, Is.EqualTo(new DateOnly(2024, 12, 12)), "the first 73 days of Q4 2024");
            Assert.That(windows.LastYearQuarterFrom, Is.EqualTo(new DateOnly(2024, 1, 1)));
            Assert.That(windows.LastYearQuarterTo, Is.EqualTo(new DateOnly(2024, 3, 13)), "the first 73 days of Q1 2024 (a leap year)");
            Assert.That(windows.MonthsFrom, Is.EqualTo(new DateOnly(2024, 4, 1)));
            Assert.That(windows.RecentFrom, Is.EqualTo(new DateOnly(2025, 2, 13)));
            Assert.That(windows.PreviousAsOf, Is.EqualTo(new DateOnly(2024, 12, 14)));
            Assert.That(windows.ThenFrom, Is.EqualTo(new DateOnly(2024, 11, 15)));
            Assert.That(windows.Period, Is.EqualTo("Q1 2025"));
        });
    }

    [Test]
    public void Windows_AtTheEndOfALongQuarter_KeepTheComparisonInsideTheShorterQuarter()
    {
        // Q3 has 92 days, Q2 only 91: the previous period stops at the end of Q2
        var windows = new MemberFactWindows(new DateOnly(2025, 9, 30));

        Assert.Multiple(() =>
        {
            Assert.That(windows.QuarterDays, Is.EqualTo(92));
            Assert.That(windows.PreviousQuarterTo, Is.EqualTo(new DateOnly(2025, 6, 30)));
            Assert.That(windows.LastYearQuarterTo, Is.EqualTo(new DateOnly(2024, 9, 30)));
        });
    }
}
