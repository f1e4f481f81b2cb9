namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>The `student-distribution@1.0` object of ANALYTICS.md §2.3 (`courseId` is an extra naming the course).</summary>
public sealed record StudentDistributionPayload : TrainerPayload
{
    public string? CourseId { get; init; }

    public string? CourseName { get; init; }

    public int? TotalStudents { get; init; }

    public required DistributionBands Distribution { get; init; }

    public required DistributionInsights Insights { get; init; }

    public required IReadOnlyList<int> Histogram { get; init; }

    public required DistributionQuantiles Quantiles { get; init; }
}
