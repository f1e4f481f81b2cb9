namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>An `enrolments[]` row: one scored enrolment (a cohort: one course, its mean risk), named as the at-risk rows.</summary>
public sealed record DropOffRiskEnrolment(string CourseId, string CourseTitle, int RiskScore, string RiskLevel);
