using Analytics.Api.Shared.Hosting;
using Analytics.Api.Shared.Http;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Auth.Logout;

// No Accepts metadata: routing would answer 415 to the empty non-JSON bodies that API.md §2.2 accepts; JsonBody checks instead.
public sealed class LogoutEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/auth/logout", async (HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var request = await JsonBody.ReadOptionalAsync<LogoutRequest>(context.Request);
                await mediator.Send(new LogoutCommand(request?.RefreshToken), cancellationToken);
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .WithName("Logout")
            .WithTags("Auth")
            .WithSummary("End the session: revokes the refresh-token family and this access token. Idempotent. Optional JSON body {refreshToken}.")
            .AcceptsOptionalJson<LogoutRequest>()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
