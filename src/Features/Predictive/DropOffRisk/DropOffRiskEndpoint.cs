using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Predictive.DropOffRisk;

public sealed class DropOffRiskEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/predictive/drop-off-risk/{id}",
                async (string id, string? courseId, HttpContext context, CurrentUserAccessor currentUser, IMediator mediator,
                        AnalyticsResponses responses, CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(
                        new DropOffRiskQuery(id, CohortSubjects.Resolve(currentUser.Required, id), courseId), cancellationToken)))
            .RequireAuthorization()
            .WithName("GetDropOffRisk")
            .WithTags("Predictive")
            .WithSummary("Drop-off risk of a learner, a trainer's cohort or an organisation's cohort, with the scorer's model card (drop-off-risk@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
