using Analytics.Api.Features.LearnerAnalytics.Shared;
namespace Analytics.Api.Features.LearnerAnalytics.Velocity;

/// <summary>An enrolment with the course facts velocity needs: s(e), E(e) and the course's progress units.</summary>
public sealed record VelocityEnrolment(
    string CourseId,
    DateOnly? EnrolledOn,
    DateOnly? CompletedOn,
    DateOnly? WithdrawnOn,
    DateOnly? CourseStartsOn,
    DateOnly? CourseEndsOn,
    int? LengthDays,
    int TotalUnits)
{
    /// <summary>E(e) = ends_on ?? enrolled_on + length_days ?? none (ANALYTICS.md §0.1).</summary>
    public DateOnly? ExpectedEnd => CourseEndsOn ?? (EnrolledOn is { } enrolled && LengthDays is { } days ? enrolled.AddDays(days) : null);

    /// <summary>The as-of status rule of DATA_MODEL.md §0.</summary>
    public bool IsActiveOn(DateOnly day) =>
        (EnrolledOn ?? CourseStartsOn) is { } start && start <= day
        && (WithdrawnOn is null || WithdrawnOn > day)
        && (CompletedOn is null || CompletedOn > day);
}
