namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>`metrics.learningEngagement` (ANALYTICS.md §3.3), every field a pct with 1 dp.</summary>
public sealed record CultureLearningEngagement(double? Score, double? ActiveParticipation, double? VoluntaryLearning, double? PeerCollaboration);
