namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>`metrics` of `learning-culture@1.0` (ANALYTICS.md §3.3).</summary>
public sealed record CultureMetrics(
    CultureLearningEngagement LearningEngagement,
    CultureKnowledgeSharing KnowledgeSharing,
    CultureInnovationMetrics InnovationMetrics,
    CultureContinuousImprovement ContinuousImprovement);
