namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>`metrics.enrollments`: enrolments counted and active students, as in course-performance.</summary>
public sealed record CourseEnrollments(int? Total, int? Active);
