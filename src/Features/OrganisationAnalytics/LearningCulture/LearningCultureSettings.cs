using Analytics.Api.Shared.Analytics;

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

    /// <summary>Applies an organisation's weights object (<see cref="WeightOverrides"/>; a component by name or formula letter).</summary>
    public LearningCultureSettings WithOrganisationWeights(string? json)
    {
        var overrides = WeightOverrides.Parse(json);
        double Weight(string name, string alias, double current) => overrides.Get(name, overrides.Get(alias, current));
        return this with
        {
            VoluntaryParticipationWeight = Weight("voluntaryParticipation", "VP", VoluntaryParticipationWeight),
            VoluntaryCompletionWeight = Weight("voluntaryCompletion", "VC", VoluntaryCompletionWeight),
            KnowledgeSharingWeight = Weight("knowledgeSharing", "KSIn", KnowledgeSharingWeight),
            MentorshipEngagementWeight = Weight("mentorshipEngagement", "ME", MentorshipEngagementWeight),
            StreakActivityWeight = Weight("streakActivity", "SA", StreakActivityWeight),
        };
    }
}
