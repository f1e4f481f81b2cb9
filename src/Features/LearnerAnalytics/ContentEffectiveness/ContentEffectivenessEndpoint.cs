using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Carter;
using Mediator;

namespace Analytics.Api.Features.LearnerAnalytics.ContentEffectiveness;

public sealed class ContentEffectivenessEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/learner/analytics/content-effectiveness/{userId}",
                async (string userId, string? courseId, string? contentType, string? creationMethod, string? from, string? to,
                        HttpContext context, IMediator mediator, AnalyticsResponses responses, CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(
                        new ContentEffectivenessQuery(userId, courseId, contentType, creationMethod, from, to), cancellationToken)))
            .RequireAuthorization()
            .WithName("GetLearnerContentEffectiveness")
            .WithTags("Learner analytics")
            .WithSummary("Content effectiveness: the learner's scores after each content type and item, completion and engagement per type (content-effectiveness@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
