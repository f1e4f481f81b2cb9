using Analytics.Api.Features.Privacy.Shared;
using Analytics.Api.Shared.Http;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Privacy.UpdatePreferences;

public sealed class UpdatePreferencesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut("/api/v1/privacy/users/{userId}/preferences",
                async (string userId, HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
                {
                    var body = await JsonBody.ReadRequiredAsync<UpdatePreferencesRequest>(context.Request);
                    var preferences = await mediator.Send(
                        new UpdatePreferencesCommand(userId, body.LeaderboardPrivacy, body.PredictiveOptOut, context.TraceIdentifier), cancellationToken);
                    context.Response.Headers.CacheControl = "no-store";
                    return TypedResults.Ok(preferences);
                })
            .RequireAuthorization()
            .WithName("UpdatePrivacyPreferences")
            .WithTags("Privacy")
            .WithSummary("Set the caller's leaderboard privacy and predictive opt-out; the affected analytics are recomputed.")
            .Accepts<UpdatePreferencesRequest>("application/json")
            .Produces<PrivacyPreferences>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
