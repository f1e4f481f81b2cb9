namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>`sessionFrequency`: share of active days (14 d), of active weeks (12 × 7 d) and of active months (6 × 30 d).</summary>
public sealed record EngagementSessionFrequency(double? Daily, double? Weekly, double? Monthly, string? Trend);
