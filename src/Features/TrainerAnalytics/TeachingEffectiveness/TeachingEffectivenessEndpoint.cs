using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Carter;
using Mediator;

namespace Analytics.Api.Features.TrainerAnalytics.TeachingEffectiveness;

public sealed class TeachingEffectivenessEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/trainer/analytics/teaching-effectiveness/{trainerId}",
                async (string trainerId, string? courseId, HttpContext context, IMediator mediator, CurrentUserAccessor currentUser,
                        AnalyticsResponses responses, CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(
                        new TeachingEffectivenessQuery(trainerId, courseId, TrainerViewer.OrganisationScopeOf(currentUser.Required)), cancellationToken)))
            .RequireAuthorization()
            .WithName("GetTrainerTeachingEffectiveness")
            .WithTags("Trainer analytics")
            .WithSummary("Teaching effectiveness: satisfaction, pass rate and completion against the organisation's other trainers (teaching-effectiveness@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
