namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>`gapAnalysis` of ANALYTICS.md §3.2: short (employee, target skill) pairs by severity and the most missed skills.</summary>
public sealed record AlignmentGapAnalysis(int? CriticalGaps, int? MediumGaps, int? LowGaps, IReadOnlyList<AlignmentMissingSkill> TopMissingSkills);
