namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>An organisation's skill target; <see cref="Department"/> is an index into the organisation's departments or null.</summary>
public sealed record SkillTargetPlan(
    string Id, int Skill, int? Department, short RequiredLevel, string Priority, string ValueProposition, short CareerImpact);
