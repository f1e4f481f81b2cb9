namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>`summary`: counts over the listed courses and unweighted means over the courses that have a value.</summary>
public sealed record CoursePerformanceSummary(int TotalCourses, int TotalEnrollments, double? AverageCompletionRate, double? AverageHealthScore);
