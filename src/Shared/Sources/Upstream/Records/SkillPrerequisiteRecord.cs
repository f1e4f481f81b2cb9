namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.skill_prerequisites (a replace-set per skill).</summary>
public readonly record struct SkillPrerequisiteRecord(string SkillId, string RequiresSkillId);
