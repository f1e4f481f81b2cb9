namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>
/// `Analytics:CourseHealth:*` and `Analytics:CoursePerformance:*` with the defaults of ANALYTICS.md §2.1–§2.2: the completion
/// target, the health weights, the activity window of active students and the enrolment window of open-ended courses.
/// </summary>
public sealed record CourseHealthSettings(
    double CompletionTargetPct = 75,
    double CompletionWeight = 0.30,
    double EngagementWeight = 0.25,
    double SatisfactionWeight = 0.20,
    double PerformanceWeight = 0.15,
    double RetentionWeight = 0.10,
    int ActiveWindowDays = 14,
    int OpenEndedWindowDays = 365)
{
    public static CourseHealthSettings From(IConfiguration configuration)
    {
        var health = configuration.GetSection("Analytics:CourseHealth");
        var weights = health.GetSection("Weights");
        var performance = configuration.GetSection("Analytics:CoursePerformance");
        var d = new CourseHealthSettings();
        return new CourseHealthSettings(
            health.GetValue("CompletionTargetPct", d.CompletionTargetPct),
            weights.GetValue("Completion", d.CompletionWeight),
            weights.GetValue("Engagement", d.EngagementWeight),
            weights.GetValue("Satisfaction", d.SatisfactionWeight),
            weights.GetValue("Performance", d.PerformanceWeight),
            weights.GetValue("Retention", d.RetentionWeight),
            performance.GetValue("ActiveWindowDays", d.ActiveWindowDays),
            performance.GetValue("WindowDays", d.OpenEndedWindowDays));
    }
}
