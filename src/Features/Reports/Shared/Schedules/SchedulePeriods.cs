namespace Analytics.Api.Features.Reports.Shared.Schedules;

/// <summary>A schedule's `period` turned into a run's from/to, both inclusive, from the run's local date (API.md §4.7).</summary>
public static class SchedulePeriods
{
    public const string Last7Days = "last-7-days";
    public const string Last30Days = "last-30-days";
    public const string Last90Days = "last-90-days";
    public const string PreviousMonth = "previous-month";
    public const string PreviousQuarter = "previous-quarter";

    public static readonly IReadOnlyList<string> All = [Last7Days, Last30Days, Last90Days, PreviousMonth, PreviousQuarter];

    public static (DateOnly From, DateOnly To) Range(string period, DateOnly today)
    {
        switch (period)
        {
            case Last7Days:
                return (today.AddDays(-6), today);
            case Last90Days:
                return (today.AddDays(-89), today);
            case PreviousMonth:
                var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
                return (month, month.AddMonths(1).AddDays(-1));
            case PreviousQuarter:
                var quarter = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1).AddMonths(-3);
                return (quarter, quarter.AddMonths(3).AddDays(-1));
            default:
                return (today.AddDays(-29), today);
        }
    }
}
