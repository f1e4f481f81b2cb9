using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Carter;
using Mediator;

namespace Analytics.Api.Features.LearnerAnalytics.Mastery;

public sealed class MasteryEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/learner/analytics/mastery/{userId}",
                async (string userId, string? pathId, HttpContext context, IMediator mediator, AnalyticsResponses responses, CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(new MasteryQuery(userId, pathId), cancellationToken)))
            .RequireAuthorization()
            .WithName("GetLearnerMastery")
            .WithTags("Learner analytics")
            .WithSummary("Mastery progress: the share of the learner's target skills mastered, by category, over time and per path (mastery@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
