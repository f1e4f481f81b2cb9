namespace Analytics.Api.Features.LearnerAnalytics.ContentEffectiveness;

/// <summary>One attempt of the learner with its assessment's course and topic (the unit of ANALYTICS.md §1.6).</summary>
public sealed record ContentSubmission(string AssessmentId, string CourseId, string? TopicId, DateOnly SubmittedOn, double? ScorePct);
