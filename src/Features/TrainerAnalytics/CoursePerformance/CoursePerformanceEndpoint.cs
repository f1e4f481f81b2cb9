using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Carter;
using Mediator;

namespace Analytics.Api.Features.TrainerAnalytics.CoursePerformance;

public sealed class CoursePerformanceEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/trainer/analytics/course-performance/{trainerId}",
                async (string trainerId, string? status, HttpContext context, IMediator mediator, CurrentUserAccessor currentUser,
                        AnalyticsResponses responses, CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(
                        new CoursePerformanceQuery(trainerId, status, TrainerViewer.OrganisationScopeOf(currentUser.Required)), cancellationToken)))
            .RequireAuthorization()
            .WithName("GetTrainerCoursePerformance")
            .WithTags("Trainer analytics")
            .WithSummary("Course performance: enrolments, active students, completion, scores and health of each taught course (course-performance@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
