namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>`components` (extra) of ANALYTICS.md §3.2: K, C and P, pct 1 dp; null when the component has no data.</summary>
public sealed record AlignmentComponents(double? KpiAchievement, double? SkillCoverage, double? TrainingCompliance);
