namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>One `recommendations[]` entry of content effectiveness: the content type it concerns, `high|medium|low`, the text.</summary>
public sealed record ContentRecommendation(string Type, string Priority, string Suggestion);
