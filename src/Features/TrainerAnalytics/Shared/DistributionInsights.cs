namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>`insights` of the distribution: mean and median course score, pass rate, at-risk learners and top performers.</summary>
public sealed record DistributionInsights(double? AverageScore, double? MedianScore, double? PassRate, int? AtRiskStudents, int? TopPerformers);
