namespace Analytics.Api.Features.LearnerAnalytics.ContentEffectiveness;

/// <summary>An enrolment of the learner: its course is in scope once the enrolment has started (s(e), ANALYTICS.md §0.1).</summary>
public sealed record ContentEnrolment(string CourseId, DateOnly? EnrolledOn, DateOnly? CourseStartsOn)
{
    public bool HasStartedBy(DateOnly day) => (EnrolledOn ?? CourseStartsOn) is not { } start || start <= day;
}
