namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>One row of `courses[]`; `id` equals `courseId` because the app reads `courses[0].id` (API.md §4.2).</summary>
public sealed record CoursePerformanceCourse(
    string Id,
    string CourseId,
    string CourseName,
    string? Trend,
    int? HealthScore,
    int Enrollments,
    int ActiveStudents,
    double? CompletionRate,
    double? AverageScore);
