using Analytics.Api.Features.LearnerAnalytics.Shared;

namespace Analytics.Api.Features.Predictive.Recommendations;

/// <summary>
/// What the learner rules of ANALYTICS.md §5.3 read: the learner's current skill-gap (#2), velocity (#1) and content-effectiveness
/// (#6) results, and the store facts of Recommendations.Learner.
/// </summary>
public sealed record LearnerRecommendationInput(
    DateOnly AsOf,
    SkillGapPayload? SkillGap,
    VelocityPayload? Velocity,
    ContentEffectivenessPayload? ContentEffectiveness,
    IReadOnlyList<ActiveCourseRow> ActiveCourses,
    DateOnly? LastProgressOn,
    IReadOnlyList<SkillTeachingRow> SkillTeaching,
    IReadOnlyList<DueAssessmentRow> DueAssessments,
    IReadOnlyList<WeakTopicRow> WeakTopics,
    IReadOnlyList<UnopenedTypeRow> UnopenedTypes,
    IReadOnlyList<RemainingRow> Remaining,
    IReadOnlyList<LearnerAiRow> LearnerAi,
    IReadOnlyList<WeekdayRow> Weekdays,
    int ActiveWeeks);
