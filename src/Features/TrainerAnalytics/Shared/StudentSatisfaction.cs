namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>`metrics.studentSatisfaction`: mean rating (1–5), reviews and the 90-day rating trend.</summary>
public sealed record StudentSatisfaction(double? Score, int? TotalReviews, string? Trend);
