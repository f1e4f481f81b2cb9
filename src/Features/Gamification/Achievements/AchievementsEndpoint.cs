using Analytics.Api.Shared.Analytics;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Gamification.Achievements;

public sealed class AchievementsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/gamification/achievements/{userId}",
                async (string userId, string? status, HttpContext context, IMediator mediator, AnalyticsResponses responses, CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(new AchievementsQuery(userId, status), cancellationToken)))
            .RequireAuthorization()
            .WithName("GetGamificationAchievements")
            .WithTags("Gamification")
            .WithSummary("A learner's badges, earned and in progress, with rarity and per-category counts (gamification@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
