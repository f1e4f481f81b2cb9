namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// One learner's drop-off evaluation at asOf (ANALYTICS.md §5.1), on the enrolments in scope: the scored enrolments, the learner
/// risk (their maximum) now, a week earlier and at the end of each of the 8 pattern blocks (oldest first), the engagement at
/// those days, and the learner-level inputs of the warning signals and interventions.
/// </summary>
public sealed record DropOffLearnerRisk(
    string UserId,
    bool HasActiveEnrolment,
    IReadOnlyList<DropOffScoredEnrolment> Scored,
    int? Risk,
    int? Engagement,
    int? RiskWeekEarlier,
    IReadOnlyList<int?> BlockRisks,
    IReadOnlyList<int?> BlockEngagement,
    int? DaysSinceLastActivity,
    int MissingSubmissions,
    double? MeanScore,
    bool Decline,
    int WeeksBelowLowEngagement)
{
    public bool IsScored => Risk is not null;

    /// <summary>The enrolment that sets the learner's risk (the highest; ties by course id).</summary>
    public DropOffScoredEnrolment? Top => Scored.OrderByDescending(s => s.Score.Risk).ThenBy(s => s.Enrolment.CourseId, StringComparer.Ordinal).FirstOrDefault();
}
