namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>A `topMissingSkills[]` row: `gap` = % of the skill's population below the required level (1 dp).</summary>
public sealed record AlignmentMissingSkill(string Skill, string Priority, double Gap);
