namespace Analytics.Api.Features.OrganisationAnalytics.LearningCulture;

/// <summary>
/// The maturity components of ANALYTICS.md §3.3 on 0–100, unrounded; null = no data (dropped and the weights renormalised).
/// SA (streaks) stays null until gamification computes streaks (§0.7).
/// </summary>
public sealed record CultureComponents(
    double? VoluntaryParticipation,
    double? VoluntaryCompletion,
    double? KnowledgeSharing,
    double? MentorshipEngagement,
    double? StreakActivity);
