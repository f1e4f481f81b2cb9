namespace Analytics.Api.Features.LearnerAnalytics.Performance;

/// <summary>A skill an assessment tests: the skills of its topic, else of its course (ANALYTICS.md §1.5).</summary>
public sealed record PerformanceAssessmentSkill(string AssessmentId, string SkillId, string SkillName);
