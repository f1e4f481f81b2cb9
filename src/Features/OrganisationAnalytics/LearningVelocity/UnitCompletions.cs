namespace Analytics.Api.Features.OrganisationAnalytics.LearningVelocity;

/// <summary>
/// Progress units first completed (ANALYTICS.md §0.4) in the quarter to date, in as many days from the start of the previous
/// quarter and of the same quarter last year, and in each of the 12 months ending with the month of asOf (oldest first).
/// </summary>
public sealed record UnitCompletions
{
    public static readonly UnitCompletions None = new();

    public int Quarter { get; init; }

    public int PreviousQuarter { get; init; }

    public int LastYearQuarter { get; init; }

    public int[] Months { get; init; } = new int[12];

    public bool Any => Quarter > 0 || PreviousQuarter > 0 || LastYearQuarter > 0 || Months.Any(m => m > 0);
}
