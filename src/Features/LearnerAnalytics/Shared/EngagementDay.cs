namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>
/// One local day of a learner's engagement inputs (ANALYTICS.md §1.3): interaction events (Σ activity_days.events), milestones
/// (submissions, practice sessions and topic completions not derived from a submission), progress events (the same, derived
/// completions included), sessions started and the minutes of the organisation's duration source. For one registration, pass
/// only that course's rows (OULAD: Σ sum_click as events, each submission as a milestone, no sessions or minutes).
/// </summary>
public sealed record EngagementDay(DateOnly Day, int Events, int Milestones, int ProgressEvents = 0, int Sessions = 0, double Minutes = 0)
{
    /// <summary>active(d): an activity day of ANALYTICS.md §0.4 (events, a submission, practice or topic completion) or a session day.</summary>
    public bool IsActive => Events > 0 || Milestones > 0 || ProgressEvents > 0 || Sessions > 0;
}
