namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>One weekly point of `engagementHistory`.</summary>
public sealed record EngagementPoint(DateOnly Date, int Engagement);
