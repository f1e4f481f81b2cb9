namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>`trends` of a `department-analytics` entry: each `increasing|stable|decreasing`, now against 30 days earlier.</summary>
public sealed record DepartmentAnalyticsTrends(string? LearningVelocity, string? SkillDevelopment, string? Engagement);
