namespace Analytics.Api.Features.LearnerAnalytics.Performance;

/// <summary>One submission (an attempt) with the facts of its assessment, topic and course that performance needs.</summary>
public sealed record PerformanceSubmission(
    string Id,
    string AssessmentId,
    string? AssessmentTitle,
    string Kind,
    double Weight,
    double PassThresholdPct,
    string? TopicTitle,
    string CourseTitle,
    string? CourseCategory,
    DateOnly SubmittedOn,
    int Attempt,
    double? ScorePct,
    int? TimeSpentSeconds,
    bool IsBanked);
