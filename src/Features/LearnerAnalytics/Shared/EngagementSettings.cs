using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>
/// `Analytics:Engagement:*` with the defaults of ANALYTICS.md §1.3, the weights overridable per organisation
/// (`organisations.settings.analytics."Engagement:Weights"`), and `Analytics:Trend:Threshold` of §0.2.
/// </summary>
public sealed record EngagementSettings(
    double MilestoneWeight = 5,
    double TargetActiveDaysPerWeek = 4,
    double TargetMinutesPerWeek = 180,
    double TargetUnitsPerWeek = 100,
    double LoginFrequencyWeight = 0.35,
    double SessionDurationWeight = 0.25,
    double ActivityWeight = 0.40,
    double TrendThreshold = 0.10)
{
    public static EngagementSettings From(IConfiguration configuration, string? organisationWeightsJson = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Analytics:Engagement");
        var weights = section.GetSection("Weights");
        var defaults = new EngagementSettings();
        var settings = new EngagementSettings(
            section.GetValue("MilestoneWeight", defaults.MilestoneWeight),
            section.GetValue("TargetActiveDaysPerWeek", defaults.TargetActiveDaysPerWeek),
            section.GetValue("TargetMinutesPerWeek", defaults.TargetMinutesPerWeek),
            section.GetValue("TargetUnitsPerWeek", defaults.TargetUnitsPerWeek),
            weights.GetValue("LoginFrequency", defaults.LoginFrequencyWeight),
            weights.GetValue("SessionDuration", defaults.SessionDurationWeight),
            weights.GetValue("Activity", defaults.ActivityWeight),
            configuration.GetValue("Analytics:Trend:Threshold", defaults.TrendThreshold));
        return settings.WithOrganisationWeights(organisationWeightsJson);
    }

    /// <summary>Applies an organisation's `{"loginFrequency":…,"sessionDuration":…,"activity":…}` (<see cref="WeightOverrides"/>).</summary>
    public EngagementSettings WithOrganisationWeights(string? json)
    {
        var overrides = WeightOverrides.Parse(json);
        return this with
        {
            LoginFrequencyWeight = overrides.Get("loginFrequency", LoginFrequencyWeight),
            SessionDurationWeight = overrides.Get("sessionDuration", SessionDurationWeight),
            ActivityWeight = overrides.Get("activity", ActivityWeight),
        };
    }
}
