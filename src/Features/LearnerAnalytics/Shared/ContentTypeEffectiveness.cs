namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>
/// One `contentTypes[]` entry: effectiveness, completionRate and engagementScore are ratios; timeSpent is minutes (null
/// without minutes); averageRating is always null (items carry no ratings).
/// </summary>
public sealed record ContentTypeEffectiveness(
    string Id,
    string Name,
    double? Effectiveness,
    double CompletionRate,
    double? EngagementScore,
    int CompletedContent,
    int TotalContent,
    double? AverageRating,
    int? TimeSpent,
    DateOnly? LastAccessed);
