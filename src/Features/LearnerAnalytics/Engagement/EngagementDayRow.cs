using Analytics.Api.Features.LearnerAnalytics.Shared;

namespace Analytics.Api.Features.LearnerAnalytics.Engagement;

/// <summary>One local day of the learner's rows with both duration measures; the organisation's duration source picks one.</summary>
public sealed record EngagementDayRow(
    DateOnly Day,
    int Events,
    int Milestones,
    int ProgressEvents,
    int Sessions,
    double SessionMinutes,
    double ActivityMinutes)
{
    public EngagementDay ToDay(string? durationSource) => new(
        Day,
        Events,
        Milestones,
        ProgressEvents,
        Sessions,
        durationSource switch
        {
            EngagementDurationSources.Sessions => SessionMinutes,
            EngagementDurationSources.ActivityMinutes => ActivityMinutes,
            _ => 0,
        });
}
