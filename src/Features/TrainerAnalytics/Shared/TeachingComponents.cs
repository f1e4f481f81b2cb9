namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>The parts of `overallScore` (pct): satisfaction 100·(rating − 1)/4, pass rate of (learner, assessment) pairs, completion.</summary>
public sealed record TeachingComponents(double? SatisfactionScore, double? PassRate, double? CompletionRate);
