using Analytics.Api.Shared.Analytics;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Gamification.Streak;

public sealed class StreakEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/gamification/streak/{userId}",
                async (string userId, HttpContext context, IMediator mediator, AnalyticsResponses responses, CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(new StreakQuery(userId), cancellationToken)))
            .RequireAuthorization()
            .WithName("GetGamificationStreak")
            .WithTags("Gamification")
            .WithSummary("A learner's current, longest and average streaks with freezes, history and milestones (gamification@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
