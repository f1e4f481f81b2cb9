using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.OrganisationAnalytics.StrategicAlignment;

/// <summary>
/// `Analytics:Alignment:*` with the defaults of ANALYTICS.md §3.2: the weights of K, C and P (`Weights:KpiAchievement`,
/// `Weights:SkillCoverage`, `Weights:TrainingCompliance`), overridable per organisation as
/// `organisations.settings.analytics."Alignment:Weights"` = {"kpiAchievement":…,"skillCoverage":…,"trainingCompliance":…},
/// and `CoveredShare`, the share of a skill's population that must meet it for the skill to count as covered.
/// </summary>
public sealed record AlignmentSettings(
    double KpiAchievementWeight = 0.5,
    double SkillCoverageWeight = 0.3,
    double TrainingComplianceWeight = 0.2,
    double CoveredShare = 0.8)
{
    public static AlignmentSettings From(IConfiguration configuration, string? organisationWeightsJson = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Analytics:Alignment");
        var weights = section.GetSection("Weights");
        var defaults = new AlignmentSettings();
        var overrides = WeightOverrides.Parse(organisationWeightsJson);
        return new AlignmentSettings(
            overrides.Get("kpiAchievement", weights.GetValue("KpiAchievement", defaults.KpiAchievementWeight)),
            overrides.Get("skillCoverage", weights.GetValue("SkillCoverage", defaults.SkillCoverageWeight)),
            overrides.Get("trainingCompliance", weights.GetValue("TrainingCompliance", defaults.TrainingComplianceWeight)),
            section.GetValue("CoveredShare", defaults.CoveredShare));
    }
}
