using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.OrganisationAnalytics.LearningVelocity;

/// <summary>
/// The dates of `learning-velocity` (ANALYTICS.md §0.1, §3.1), all counted back from asOf: the last 30 days and the 30 days
/// ending 90 days earlier (participation now and then), the quarter containing asOf, the last 90 days (finished enrolments),
/// the last 365 days (time to skill), and the first day of the completion series (the same quarter a year earlier).
/// </summary>
public sealed record LearningVelocityWindows(DateOnly AsOf)
{
    public DateOnly ActiveFrom => AsOf.AddDays(-29);

    public DateOnly ThenTo => AsOf.AddDays(-90);

    public DateOnly ThenFrom => ThenTo.AddDays(-29);

    public DateOnly QuarterFrom => new(AsOf.Year, ((AsOf.Month - 1) / 3 * 3) + 1, 1);

    public DateOnly FinishedFrom => AsOf.AddDays(-89);

    public DateOnly YearFrom => AsOf.AddDays(-364);

    /// <summary>Quarter to date has this many days; the comparison periods take as many from their own start.</summary>
    public int QuarterDays => AsOf.DayNumber - QuarterFrom.DayNumber + 1;

    public DateOnly PreviousQuarterFrom => QuarterFrom.AddMonths(-3);

    public DateOnly LastYearQuarterFrom => QuarterFrom.AddYears(-1);

    /// <summary>The first of the 12 calendar months ending with the month of asOf.</summary>
    public DateOnly MonthsFrom => new DateOnly(AsOf.Year, AsOf.Month, 1).AddMonths(-11);

    public DateOnly SeriesFrom => LastYearQuarterFrom < MonthsFrom ? LastYearQuarterFrom : MonthsFrom;

    public string Period => Labels.Quarter(AsOf);
}
