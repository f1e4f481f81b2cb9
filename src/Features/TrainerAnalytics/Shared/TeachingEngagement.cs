namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>`metrics.engagement`: always null, the store holds no trainer messages or response logs.</summary>
public sealed record TeachingEngagement(double? ResponseTime, double? FeedbackQuality, double? AvailabilityScore);
