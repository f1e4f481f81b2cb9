using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>
/// The windows of the member facts (ANALYTICS.md §0.1, §3), all counted back from the organisation's asOf: the last 30 days
/// ("recent"), the 30 before them ("earlier"), the last 90 and 365 days, the same windows ending 90 days earlier (the trend's
/// earlier point, <see cref="PreviousAsOf"/>), the quarter containing asOf with its comparison periods (the same number of days
/// from the start of the previous quarter and of the same quarter a year earlier, each kept inside its own quarter) and the 12
/// calendar months ending with the month of asOf.
/// </summary>
public sealed record MemberFactWindows(DateOnly AsOf)
{
    public DateOnly RecentFrom => AsOf.AddDays(-29);

    public DateOnly EarlierTo => AsOf.AddDays(-30);

    public DateOnly EarlierFrom => AsOf.AddDays(-59);

    public DateOnly NinetyFrom => AsOf.AddDays(-89);

    public DateOnly YearFrom => AsOf.AddDays(-364);

    /// <summary>The asOf of the earlier trend point (learning velocity's "then", org performance's previous value).</summary>
    public DateOnly PreviousAsOf => AsOf.AddDays(-90);

    public DateOnly ThenFrom => PreviousAsOf.AddDays(-29);

    public DateOnly PreviousNinetyFrom => PreviousAsOf.AddDays(-89);

    public DateOnly PreviousYearFrom => PreviousAsOf.AddDays(-364);

    public DateOnly QuarterFrom => new(AsOf.Year, ((AsOf.Month - 1) / 3 * 3) + 1, 1);

    /// <summary>Quarter to date has this many days; the comparison periods take as many from their own start.</summary>
    public int QuarterDays => AsOf.DayNumber - QuarterFrom.DayNumber + 1;

    public DateOnly PreviousQuarterFrom => QuarterFrom.AddMonths(-3);

    public DateOnly PreviousQuarterTo => Min(PreviousQuarterFrom.AddDays(QuarterDays - 1), QuarterFrom.AddDays(-1));

    public DateOnly LastYearQuarterFrom => QuarterFrom.AddYears(-1);

    public DateOnly LastYearQuarterTo => Min(LastYearQuarterFrom.AddDays(QuarterDays - 1), LastYearQuarterFrom.AddMonths(3).AddDays(-1));

    /// <summary>The first of the 12 calendar months ending with the month of asOf.</summary>
    public DateOnly MonthsFrom => new DateOnly(AsOf.Year, AsOf.Month, 1).AddMonths(-11);

    public string Period => Labels.Quarter(AsOf);

    /// <summary>The statement parameters of <c>MemberFacts.Compute</c>.</summary>
    public object Parameters(string organisationId, string zone) => new
    {
        organisationId,
        zone,
        asOf = AsOf,
        recentFrom = RecentFrom,
        earlierFrom = EarlierFrom,
        earlierTo = EarlierTo,
        ninetyFrom = NinetyFrom,
        yearFrom = YearFrom,
        previousAsOf = PreviousAsOf,
        thenFrom = ThenFrom,
        previousNinetyFrom = PreviousNinetyFrom,
        previousYearFrom = PreviousYearFrom,
        quarterFrom = QuarterFrom,
        previousQuarterFrom = PreviousQuarterFrom,
        previousQuarterTo = PreviousQuarterTo,
        lastYearQuarterFrom = LastYearQuarterFrom,
        lastYearQuarterTo = LastYearQuarterTo,
        monthsFrom = MonthsFrom,
    };

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
