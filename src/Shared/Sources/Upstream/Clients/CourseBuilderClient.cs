using Analytics.Api.Shared.Sources.Upstream.Contracts;

namespace Analytics.Api.Shared.Sources.Upstream.Clients;

/// <summary>Course Builder (SOURCES.md §3.3): courses with trainers and modules, enrolments, module completions, feedback.</summary>
public sealed class CourseBuilderClient(HttpClient http) : UpstreamClient(http, UpstreamServices.CourseBuilder)
{
    public Task<UpstreamPage<CourseItem>> CoursesAsync(string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<CourseItem>(Organisation(organisationId, "courses"), request, cancellationToken);

    public Task<UpstreamPage<EnrollmentItem>> EnrollmentsAsync(string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<EnrollmentItem>(Organisation(organisationId, "enrollments"), request, cancellationToken);

    public Task<UpstreamPage<ModuleCompletionItem>> ModuleCompletionsAsync(
        string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<ModuleCompletionItem>(Organisation(organisationId, "module-completions"), request, cancellationToken);

    public Task<UpstreamPage<CourseFeedbackItem>> CourseFeedbackAsync(
        string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<CourseFeedbackItem>(Organisation(organisationId, "course-feedback"), request, cancellationToken);
}
