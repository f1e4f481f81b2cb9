using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.OrganisationAnalytics.OrgPerformance;

/// <summary>
/// `Analytics:OrgPerformance:Weights:{Completion,SkillDevelopment,KpiAchievement,Engagement}` with the defaults 0.3/0.3/0.2/0.2 of
/// ANALYTICS.md §3.4, overridable per organisation as `organisations.settings.analytics."OrgPerformance:Weights"` =
/// {"completion":…,"skillDevelopment":…,"kpiAchievement":…,"engagement":…}, and `Analytics:Trend:Threshold` of §0.2.
/// </summary>
public sealed record OrgPerformanceSettings(
    double CompletionWeight = 0.3,
    double SkillDevelopmentWeight = 0.3,
    double KpiAchievementWeight = 0.2,
    double EngagementWeight = 0.2,
    double TrendThreshold = 0.10)
{
    public static OrgPerformanceSettings From(IConfiguration configuration, string? organisationWeightsJson = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var weights = configuration.GetSection("Analytics:OrgPerformance:Weights");
        var defaults = new OrgPerformanceSettings();
        var overrides = WeightOverrides.Parse(organisationWeightsJson);
        return new OrgPerformanceSettings(
            overrides.Get("completion", weights.GetValue("Completion", defaults.CompletionWeight)),
            overrides.Get("skillDevelopment", weights.GetValue("SkillDevelopment", defaults.SkillDevelopmentWeight)),
            overrides.Get("kpiAchievement", weights.GetValue("KpiAchievement", defaults.KpiAchievementWeight)),
            overrides.Get("engagement", weights.GetValue("Engagement", defaults.EngagementWeight)),
            configuration.GetValue("Analytics:Trend:Threshold", defaults.TrendThreshold));
    }
}
