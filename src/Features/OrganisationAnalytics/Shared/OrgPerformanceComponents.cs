namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>`components` (extra) of ANALYTICS.md §3.4: the inputs of overallPerformance as ratios (3 dp), null without data.</summary>
public sealed record OrgPerformanceComponents(double? Completion, double? SkillDevelopment, double? KpiAchievement, double? Engagement);
