namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>`metrics` of course health: enrolments, completion against its target, and satisfaction.</summary>
public sealed record CourseHealthMetrics(CourseEnrollments Enrollments, CourseCompletion Completion, CourseSatisfaction Satisfaction);
