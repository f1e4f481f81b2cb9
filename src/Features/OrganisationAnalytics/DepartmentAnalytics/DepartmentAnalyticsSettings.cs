namespace Analytics.Api.Features.OrganisationAnalytics.DepartmentAnalytics;

/// <summary>
/// `Analytics:Trend:Threshold` (ANALYTICS.md §0.2) and the weights of the department performance that orders rank and percentile:
/// #14's `OrgPerformance:Weights` for completion, skill development and engagement (its KPI component is the organisation's,
/// the same for every department, so it cannot change the order and is left out).
/// </summary>
public sealed record DepartmentAnalyticsSettings(
    double TrendThreshold = 0.10,
    double CompletionWeight = 0.3,
    double SkillDevelopmentWeight = 0.3,
    double EngagementWeight = 0.2)
{
    public static DepartmentAnalyticsSettings From(IConfiguration configuration)
    {
        var defaults = new DepartmentAnalyticsSettings();
        var weights = configuration.GetSection("Analytics:OrgPerformance:Weights");
        return new DepartmentAnalyticsSettings(
            configuration.GetValue("Analytics:Trend:Threshold", defaults.TrendThreshold),
            weights.GetValue("completion", defaults.CompletionWeight),
            weights.GetValue("skillDevelopment", defaults.SkillDevelopmentWeight),
            weights.GetValue("engagement", defaults.EngagementWeight));
    }
}
