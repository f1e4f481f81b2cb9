using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Carter;
using Mediator;

namespace Analytics.Api.Features.LearnerAnalytics.Velocity;

public sealed class VelocityEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/learner/analytics/velocity/{userId}",
                async (string userId, string? window, HttpContext context, IMediator mediator, AnalyticsResponses responses, CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(new VelocityQuery(userId, window), cancellationToken)))
            .RequireAuthorization()
            .WithName("GetLearnerVelocity")
            .WithTags("Learner analytics")
            .WithSummary("Learning velocity: progress units per week against the learner's target pace, with momentum (velocity@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
