namespace Analytics.Api.Features.Comparison.PeerComparison;

/// <summary>A skill row of the subject (`user_skills`): level 0–4.</summary>
public sealed record SubjectSkill(string SkillId, string SkillName, int Level);
