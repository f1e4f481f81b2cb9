using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>The `skill-gap@1.0` object of ANALYTICS.md §1.2.</summary>
public sealed record SkillGapPayload : AnalyticPayload
{
    public required IReadOnlyList<SkillGapSkill> Skills { get; init; }

    public required IReadOnlyList<string> Categories { get; init; }

    public required SkillGapSummary Summary { get; init; }
}
