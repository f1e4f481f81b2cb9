namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>The `course-health@1.0` object of ANALYTICS.md §2.2, for one course (`courseId` is an extra naming it).</summary>
public sealed record CourseHealthPayload : TrainerPayload
{
    public string? CourseId { get; init; }

    public string? CourseName { get; init; }

    public int? HealthScore { get; init; }

    public string? OverallHealth { get; init; }

    public required CourseHealthMetrics Metrics { get; init; }

    public required DropOffAnalysis DropOffAnalysis { get; init; }

    public required ContentPerformance ContentPerformance { get; init; }

    public required IReadOnlyList<CourseHealthRecommendation> Recommendations { get; init; }
}
