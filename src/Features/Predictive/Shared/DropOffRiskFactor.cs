namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// A `factors[]` row: the feature, its label, the subject's value, the cohort median and which cohort gave it
/// (`course-week|org-week|training`, null when none reached k), whether it raises or lowers the risk, and its contribution.
/// </summary>
public sealed record DropOffRiskFactor(
    string Factor, string Label, double? Value, double? CohortMedian, string? Cohort, string Direction, double Contribution);
