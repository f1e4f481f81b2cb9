namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>
/// One target skill of `skills[]`: levels 0–4, the gap, the priority (score100) and its four normalised inputs
/// (businessImpact = businessNorm, marketDemand, prerequisites = prereqNorm, careerValue = careerNorm).
/// </summary>
public sealed record SkillGapSkill(
    string Id,
    string Name,
    string? Category,
    int CurrentLevel,
    int TargetLevel,
    int Gap,
    int Priority,
    bool IsCritical,
    int BusinessImpact,
    int? MarketDemand,
    int Prerequisites,
    int CareerValue);
