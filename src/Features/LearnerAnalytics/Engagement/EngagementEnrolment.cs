namespace Analytics.Api.Features.LearnerAnalytics.Engagement;

/// <summary>An enrolment with what engagement needs: the as-of status inputs and the course's content items per group.</summary>
public sealed record EngagementEnrolment(
    string CourseId,
    DateOnly? EnrolledOn,
    DateOnly? CompletedOn,
    DateOnly? WithdrawnOn,
    DateOnly? CourseStartsOn,
    int Items,
    int Videos,
    int Quizzes,
    int Readings,
    int Discussions)
{
    /// <summary>The as-of status rule of DATA_MODEL.md §0.</summary>
    public bool IsActiveOn(DateOnly day) =>
        (EnrolledOn ?? CourseStartsOn) is { } start && start <= day
        && (WithdrawnOn is null || WithdrawnOn > day)
        && (CompletedOn is null || CompletedOn > day);
}
