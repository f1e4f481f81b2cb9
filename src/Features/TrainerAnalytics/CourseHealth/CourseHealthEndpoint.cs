using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Carter;
using Mediator;

namespace Analytics.Api.Features.TrainerAnalytics.CourseHealth;

public sealed class CourseHealthEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/trainer/analytics/course-health/{trainerId}",
                async (string trainerId, string? courseId, HttpContext context, IMediator mediator, CurrentUserAccessor currentUser,
                        AnalyticsResponses responses, CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(
                        new CourseHealthQuery(trainerId, courseId, TrainerViewer.OrganisationScopeOf(currentUser.Required)), cancellationToken)))
            .RequireAuthorization()
            .WithName("GetTrainerCourseHealth")
            .WithTags("Trainer analytics")
            .WithSummary("Course health: completion, engagement, satisfaction, performance and retention of one course, with drop-off points (course-health@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
