namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>A course-health recommendation: `content_improvement`, `pacing` or `intervention`.</summary>
public sealed record CourseHealthRecommendation(string Suggestion, string Priority, string Type, string ExpectedImpact);
