namespace Analytics.Api.Features.Comparison.PeerComparison;

/// <summary>How many people of the group hold a skill at one level (a row of the group's skill histogram).</summary>
public sealed record SkillLevelCount(string SkillId, string SkillName, int Level, int People);
