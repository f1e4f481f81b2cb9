namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>An activity_days row of the enrolment's course with events (its content item as a small integer).</summary>
public readonly record struct DropOffActivity(DateOnly Day, int Events, int Item);

/// <summary>A submission to one of the course's assessments.</summary>
public readonly record struct DropOffSubmission(string AssessmentId, DateOnly SubmittedOn, double? Score, bool Banked);

/// <summary>An assessment of the course (the calendar is known in advance, so due dates after c may be used).</summary>
public sealed record DropOffAssessment(string Id, string Kind, DateOnly? DueOn, double? Weight);

/// <summary>
/// Everything the drop-off features of one enrolment may read, each list sorted by day: the course's activity and the
/// learner's submissions to it, the course's assessments, the days the learner completed a progress unit in any course (the
/// rule's velocity condition) and the learner's other enrolments (concurrent load and earlier attempts).
/// Rows dated on or after a cutoff are ignored by <see cref="DropOffFeatureBuilder"/>, so one history serves every cutoff.
/// </summary>
public sealed record DropOffHistory(
    DropOffEnrolment Enrolment,
    IReadOnlyList<DropOffActivity> Activity,
    IReadOnlyList<DropOffSubmission> Submissions,
    IReadOnlyList<DropOffAssessment> Assessments,
    IReadOnlyList<DateOnly> UnitDays,
    IReadOnlyList<DropOffEnrolment> OtherEnrolments);
