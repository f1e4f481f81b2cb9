using Analytics.Api.Features.Privacy.Shared;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Privacy.GetPreferences;

public sealed class GetPreferencesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/privacy/users/{userId}/preferences",
                async (string userId, HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
                {
                    var preferences = await mediator.Send(new GetPreferencesQuery(userId), cancellationToken);
                    context.Response.Headers.CacheControl = "no-store";
                    return TypedResults.Ok(preferences);
                })
            .RequireAuthorization()
            .WithName("GetPrivacyPreferences")
            .WithTags("Privacy")
            .WithSummary("The caller's leaderboard privacy and predictive opt-out.")
            .Produces<PrivacyPreferences>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
