namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>
/// One of the last 10 attempts (`assessmentResults[]`): the submission id, the assessment's title, the score as a ratio, the time
/// spent in minutes, the course category and the submission day. Questions, correct answers and difficulty are not in the store.
/// </summary>
public sealed record PerformanceAssessmentResult(
    string Id,
    string Title,
    double? Score,
    int? CorrectAnswers,
    int? Questions,
    double? TimeSpent,
    string? Difficulty,
    string? Category,
    DateOnly CompletedAt);
