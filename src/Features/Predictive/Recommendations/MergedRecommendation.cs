namespace Analytics.Api.Features.Predictive.Recommendations;

/// <summary>
/// The items naming one feed item merged into one (ANALYTICS.md §5.3): the lead (higher priority, then confidence) gives the
/// fields, the reasons of all are merged; <see cref="RuleReasons"/> are those of the R1–R6 items, written to the feed.
/// </summary>
public sealed record MergedRecommendation(RecommendationCandidate Lead, string Reason, RecommendationCandidate? LeadRule, string? RuleReasons);
