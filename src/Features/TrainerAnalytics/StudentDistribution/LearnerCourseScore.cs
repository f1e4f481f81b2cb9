namespace Analytics.Api.Features.TrainerAnalytics.StudentDistribution;

/// <summary>A learner's course score (pct) and the most attempts they made at one assessment (StudentDistribution.sql).</summary>
public sealed record LearnerCourseScore(string UserId, double Score, int Attempts);
