namespace Analytics.Api.Features.Comparison.Shared;

/// <summary>`recommendations[]`: a skill below the 25th percentile, the level to reach and the percentile it would give.</summary>
public sealed record PeerRecommendation(string SkillId, string SkillName, string Action, string Priority, string ExpectedImpact);
