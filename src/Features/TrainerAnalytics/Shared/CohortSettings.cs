namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>
/// The learner-level inputs trainer analytics compute for a cohort: engagement (`Analytics:Engagement:*`, ANALYTICS.md §1.3) and
/// the transparent drop-off rule (`Analytics:DropOff:Rule:*`, `Analytics:DropOff:MinDaysSinceStart`, §5.1 A), with their defaults.
/// </summary>
public sealed record CohortSettings(
    double TargetActiveDaysPerWeek = 4,
    double TargetMinutesPerWeek = 180,
    double TargetUnitsPerWeek = 100,
    double MilestoneWeight = 5,
    double LoginFrequencyWeight = 0.35,
    double SessionDurationWeight = 0.25,
    double ActivityWeight = 0.40,
    int MinDaysSinceStart = 7,
    int LowEngagement = 50,
    int LowEngagementPoints = 40,
    double DeclineShare = 0.20,
    int DeclinePoints = 30,
    int NoProgressPoints = 30)
{
    public static CohortSettings From(IConfiguration configuration)
    {
        var engagement = configuration.GetSection("Analytics:Engagement");
        var weights = engagement.GetSection("Weights");
        var dropOff = configuration.GetSection("Analytics:DropOff");
        var rule = dropOff.GetSection("Rule");
        var d = new CohortSettings();
        return new CohortSettings(
            engagement.GetValue("TargetActiveDaysPerWeek", d.TargetActiveDaysPerWeek),
            engagement.GetValue("TargetMinutesPerWeek", d.TargetMinutesPerWeek),
            engagement.GetValue("TargetUnitsPerWeek", d.TargetUnitsPerWeek),
            engagement.GetValue("MilestoneWeight", d.MilestoneWeight),
            weights.GetValue("LoginFrequency", d.LoginFrequencyWeight),
            weights.GetValue("SessionDuration", d.SessionDurationWeight),
            weights.GetValue("Activity", d.ActivityWeight),
            dropOff.GetValue("MinDaysSinceStart", d.MinDaysSinceStart),
            rule.GetValue("LowEngagement", d.LowEngagement),
            rule.GetValue("LowEngagementPoints", d.LowEngagementPoints),
            rule.GetValue("DeclineShare", d.DeclineShare),
            rule.GetValue("DeclinePoints", d.DeclinePoints),
            rule.GetValue("NoProgressPoints", d.NoProgressPoints));
    }
}
