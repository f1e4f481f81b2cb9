namespace Analytics.Api.Features.Predictive.Recommendations;

/// <summary>What the trainer-cohort rules of ANALYTICS.md §5.3 read (Recommendations.TrainerCohort), with k.</summary>
public sealed record TrainerCohortInput(
    int MinGroupSize,
    IReadOnlyList<StrugglingTopicRow> StrugglingTopics,
    IReadOnlyList<CohortRiskRow> Risks,
    IReadOnlyList<DropOffTopicRow> DropOffTopics,
    IReadOnlyList<CourseRatingRow> Ratings,
    IReadOnlyList<WeekdayRow> Weekdays,
    CohortActivityRow Activity);
