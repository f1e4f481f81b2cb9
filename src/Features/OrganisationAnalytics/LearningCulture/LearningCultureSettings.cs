using System.Text.Json;

namespace Analytics.Api.Features.OrganisationAnalytics.LearningCulture;

/// <summary>
/// `Analytics:Culture:*` with the defaults of ANALYTICS.md §3.3; the maturity weights (`Culture:Weights`, marked (o)) may be
/// overridden per organisation in `organisations.settings.analytics."Culture:Weights"` as
/// `{"voluntaryParticipation":…,"voluntaryCompletion":…,"knowledgeSharing":…,"mentorshipEngagement":…,"streakActivity":…}`
/// (the catalog's VP, VC, KSIn, ME, SA are accepted as names too).
/// </summary>
public sealed record LearningCultureSettings(
    double VoluntaryParticipationWeight = 0.35,
    double VoluntaryCompletionWeight = 0.20,
    double KnowledgeSharingWeight = 0.20,
    double MentorshipEngagementWeight = 0.15,
    double StreakActivityWeight = 0.10,
    double KsiTarget = 5,
    double TargetWeeklyMinutes = 120)
{
    public static LearningCultureSettings From(IConfiguration configuration, string? organisationWeightsJson = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Analytics:Culture");
        var weights = section.GetSection("Weights");
        var defaults = new LearningCultureSettings();
        var settings = new LearningCultureSettings(
            weights.GetValue("VoluntaryParticipation", defaults.VoluntaryParticipationWeight),
            weights.GetValue("VoluntaryCompletion", defaults.VoluntaryCompletionWeight),
            weights.GetValue("KnowledgeSharing", defaults.KnowledgeSharingWeight),
            weights.GetValue("MentorshipEngagement", defaults.MentorshipEngagementWeight),
            weights.GetValue("StreakActivity", defaults.StreakActivityWeight),
            section.GetValue("KsiTarget", defaults.KsiTarget),
            section.GetValue("TargetWeeklyMinutes", defaults.TargetWeeklyMinutes));
        return settings.WithOrganisationWeights(organisationWeightsJson);
    }

    /// <summary>Applies an organisation's weights object; absent, negative or invalid members keep their value.</summary>
    public LearningCultureSettings WithOrganisationWeights(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return this;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return this;
            }

            return this with
            {
                VoluntaryParticipationWeight = Weight(root, "voluntaryParticipation", "VP") ?? VoluntaryParticipationWeight,
                VoluntaryCompletionWeight = Weight(root, "voluntaryCompletion", "VC") ?? VoluntaryCompletionWeight,
                KnowledgeSharingWeight = Weight(root, "knowledgeSharing", "KSIn") ?? KnowledgeSharingWeight,
                MentorshipEngagementWeight = Weight(root, "mentorshipEngagement", "ME") ?? MentorshipEngagementWeight,
                StreakActivityWeight = Weight(root, "streakActivity", "SA") ?? StreakActivityWeight,
            };
        }
        catch (JsonException)
        {
            return this;
        }
    }

    private static double? Weight(JsonElement root, string name, string alias)
    {
        foreach (var property in root.EnumerateObject())
        {
            if ((string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)
                 || string.Equals(property.Name, alias, StringComparison.OrdinalIgnoreCase))
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
