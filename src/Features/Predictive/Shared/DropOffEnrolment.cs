namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// One enrolment as the drop-off features see it (ANALYTICS.md §5.1): its course start s(e) (`starts_on` ?? `enrolled_on`,
/// §0.1), its dates and outcome (labels only; never a feature), the course's length and the academic context of
/// `learner_attributes` when the source supplies it.
/// </summary>
public sealed record DropOffEnrolment(
    string EnrolmentId,
    string UserId,
    string CourseId,
    string CourseTitle,
    DateOnly Start,
    DateOnly? EnrolledOn,
    DateOnly? WithdrawnOn,
    DateOnly? CompletedOn,
    string Status,
    string? FinalResult,
    int? CourseLengthDays,
    int? PreviousAttempts,
    int? StudiedCredits)
{
    /// <summary>The day the enrolment finished (completed or withdrawn), if it did.</summary>
    public DateOnly? FinishedOn => (CompletedOn, WithdrawnOn) switch
    {
        ({ } completed, { } withdrawn) => completed < withdrawn ? completed : withdrawn,
        ({ } completed, null) => completed,
        (null, { } withdrawn) => withdrawn,
        _ => null,
    };

    /// <summary>
    /// Scored at cutoff c (the protocol "OULAD early warning"): not withdrawn before or on c and not finished before c.
    /// A registration withdrawn on or before c is never scored.
    /// </summary>
    public bool IsActiveAt(DateOnly cutoff) =>
        (WithdrawnOn is null || WithdrawnOn > cutoff) && (CompletedOn is null || CompletedOn > cutoff);
}
