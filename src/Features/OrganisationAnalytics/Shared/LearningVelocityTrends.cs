namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>`trends` of `learning-velocity` (ANALYTICS.md §3.1): change strings of progress-unit completions and the peak month.</summary>
public sealed record LearningVelocityTrends(string? QuarterOverQuarter, string? YearOverYear, string? PeakLearningMonth);
