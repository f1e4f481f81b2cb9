namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// An `engagementPatterns[]` block: the seven days ending at <paramref name="Date"/> (ISO <paramref name="Week"/> of that day),
/// the engagement and the risk re-scored at that cutoff, the content type with the most events and the time spent.
/// </summary>
public sealed record DropOffEngagementPattern(string Week, int? EngagementScore, int? RiskScore, DateOnly Date, string Activity, string? Duration);
