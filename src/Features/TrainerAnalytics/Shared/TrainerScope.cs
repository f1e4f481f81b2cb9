using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Errors;

namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>
/// The trainer subject as the caller may see it: its context (asOf, zone, source), the k of its organisation, whether the
/// organisation's sources supply feedback, and the courses in scope (C(T), for an org-admin only organisation-owned ones).
/// </summary>
public sealed record TrainerScope(
    SubjectContext Subject,
    int MinGroupSize,
    bool ProvidesFeedback,
    IReadOnlyList<TrainerCourse> Courses,
    string? ModuleCourseId)
{
    /// <summary>The course with the most active enrolments, ties by smallest id (API.md §4.2); null when none is taught.</summary>
    public TrainerCourse? PrimaryCourse =>
        Courses.OrderByDescending(c => c.ActiveEnrolments).ThenBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>The requested course, or the primary one; a course outside the scope or unknown is 403 (API.md §3.4).</summary>
    public TrainerCourse? ResolveCourse(string? courseId) =>
        courseId is null ? PrimaryCourse : Courses.FirstOrDefault(c => c.Id == courseId) ?? throw Problems.AccessDenied();

    /// <summary>A moduleId must be a topic of the course being read, else 403 like any out-of-scope id.</summary>
    public void EnsureModuleOf(TrainerCourse? course, string? moduleId)
    {
        if (moduleId is not null && (course is null || ModuleCourseId != course.Id))
        {
            throw Problems.AccessDenied();
        }
    }
}
