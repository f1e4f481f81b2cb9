namespace Analytics.Api.Features.LearnerAnalytics.Engagement;

/// <summary>
/// Where minutes(d) comes from (ANALYTICS.md §1.3): session durations when the organisation has sessions, else activity minutes;
/// null when it has neither, which makes S unavailable.
/// </summary>
public static class EngagementDurationSources
{
    public const string Sessions = "sessions";
    public const string ActivityMinutes = "activity-minutes";
}
