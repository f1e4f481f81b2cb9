using Analytics.Api.Shared.Analytics;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Gamification.Leaderboard;

public sealed class LeaderboardEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/gamification/leaderboard",
                async (string? timeframe, string? category, string? scope, string? courseId, string? limit, string? page, HttpContext context,
                    IMediator mediator, AnalyticsResponses responses, CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(
                        new LeaderboardQuery(timeframe, category, scope, courseId, limit, page), cancellationToken)))
            .RequireAuthorization()
            .WithName("GetGamificationLeaderboard")
            .WithTags("Gamification")
            .WithSummary("The ranked learners of an organisation, course or the platform with privacy and k-anonymity (leaderboard@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
