using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>The `mastery@1.0` object of ANALYTICS.md §1.4.</summary>
public sealed record MasteryPayload : AnalyticPayload
{
    public double? OverallMastery { get; init; }

    public required IReadOnlyList<MasterySkillCategory> SkillCategories { get; init; }

    public required IReadOnlyList<MasteryPoint> MasteryHistory { get; init; }

    public required IReadOnlyList<MasteryMilestone> Milestones { get; init; }

    public MasteryNextMilestone? NextMilestone { get; init; }

    public required IReadOnlyList<MasteryPath> Paths { get; init; }

    public required MasteryTopicStatus TopicStatus { get; init; }
}
