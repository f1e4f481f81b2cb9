namespace Analytics.Api.Features.LearnerAnalytics.Engagement;

/// <summary>Everything <see cref="EngagementCalculator"/> reads, as the handler's one round trip returns it.</summary>
public sealed record EngagementInputs(
    DateOnly AsOf,
    string? DurationSource,
    IReadOnlyList<EngagementDayRow> Days,
    IReadOnlyList<EngagementEnrolment> Enrolments,
    IReadOnlyList<EngagementItemTouch> ItemTouches,
    IReadOnlyList<EngagementTopicTouch> TopicTouches);
