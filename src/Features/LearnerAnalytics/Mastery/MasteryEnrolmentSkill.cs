namespace Analytics.Api.Features.LearnerAnalytics.Mastery;

/// <summary>A course skill of one of the learner's enrolments, with the dates of the as-of status rule.</summary>
public sealed record MasteryEnrolmentSkill(
    string CourseId,
    DateOnly? EnrolledOn,
    DateOnly? CompletedOn,
    DateOnly? WithdrawnOn,
    DateOnly? CourseStartsOn,
    string SkillId)
{
    /// <summary>The as-of status rule of DATA_MODEL.md §0.</summary>
    public bool IsActiveOn(DateOnly day) =>
        (EnrolledOn ?? CourseStartsOn) is { } start && start <= day
        && (WithdrawnOn is null || WithdrawnOn > day)
        && (CompletedOn is null || CompletedOn > day);
}
