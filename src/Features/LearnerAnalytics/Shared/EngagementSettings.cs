using System.Text.Json;

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

    /// <summary>Applies an organisation's `{"loginFrequency":…,"sessionDuration":…,"activity":…}`; absent or invalid members keep their value.</summary>
    public EngagementSettings WithOrganisationWeights(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return this;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return this;
            }

            var root = document.RootElement;
            return this with
            {
                LoginFrequencyWeight = Weight(root, "loginFrequency") ?? LoginFrequencyWeight,
                SessionDurationWeight = Weight(root, "sessionDuration") ?? SessionDurationWeight,
                ActivityWeight = Weight(root, "activity") ?? ActivityWeight,
            };
        }
        catch (JsonException)
        {
            return this;
        }
    }

    private static double? Weight(JsonElement root, string name)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)
                && property.Value.ValueKind == JsonValueKind.Number
                && property.Value.TryGetDouble(out var value)
                && value >= 0)
            {
                return value;
            }
        }

        return null;
    }
}
