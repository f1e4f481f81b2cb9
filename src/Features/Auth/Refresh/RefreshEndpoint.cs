using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Http;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Auth.Refresh;

public sealed class RefreshEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/auth/refresh", async (HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var request = await JsonBody.ReadRequiredAsync<RefreshRequest>(context.Request);
                var session = await mediator.Send(new RefreshCommand(request.RefreshToken), cancellationToken);
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(session);
            })
            .AllowAnonymous()
            .WithName("RefreshToken")
            .WithTags("Auth")
            .WithSummary("Rotate a refresh token: returns a new access token and a new refresh token of the same family.")
            .Accepts<RefreshRequest>("application/json")
            .Produces<AuthSession>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
