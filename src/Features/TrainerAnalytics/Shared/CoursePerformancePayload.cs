namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>The `course-performance@1.0` object of ANALYTICS.md §2.1.</summary>
public sealed record CoursePerformancePayload : TrainerPayload
{
    public required CoursePerformanceSummary Summary { get; init; }

    public required IReadOnlyList<CoursePerformanceCourse> Courses { get; init; }

    public required IReadOnlyList<string> Insights { get; init; }

    public required IReadOnlyList<string> Recommendations { get; init; }
}
