namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>`metrics` of a `department-analytics` entry (ANALYTICS.md §3.5); the three rates are ratios with 3 dp.</summary>
public sealed record DepartmentAnalyticsMetrics(
    int TotalLearners,
    int ActiveLearners,
    double? CompletionRate,
    double? AverageScore,
    double? EngagementScore);
