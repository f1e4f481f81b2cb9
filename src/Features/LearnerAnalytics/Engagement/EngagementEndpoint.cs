using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Carter;
using Mediator;

namespace Analytics.Api.Features.LearnerAnalytics.Engagement;

public sealed class EngagementEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/learner/analytics/engagement/{userId}",
                async (string userId, string? windowDays, HttpContext context, IMediator mediator, AnalyticsResponses responses, CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(new EngagementQuery(userId, windowDays), cancellationToken)))
            .RequireAuthorization()
            .WithName("GetLearnerEngagement")
            .WithTags("Learner analytics")
            .WithSummary("Engagement score: login days, time spent and activity over the last 14 days, the last 7 weighted double (engagement@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
