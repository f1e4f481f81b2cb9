namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>`metrics` of teaching effectiveness.</summary>
public sealed record TeachingMetrics(StudentSatisfaction StudentSatisfaction, LearningOutcomes LearningOutcomes, TeachingEngagement Engagement);
