namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>`metrics.satisfaction`: mean rating (1–5), reviews, the 5-point NPS, the share of ratings ≥ 4 and the rating trend.</summary>
public sealed record CourseSatisfaction(double? AverageRating, int? TotalReviews, int? Nps, double? SatisfactionScore, string? RatingTrend);
