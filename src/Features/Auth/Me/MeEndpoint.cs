using Carter;
using Mediator;

namespace Analytics.Api.Features.Auth.Me;

public sealed class MeEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/auth/me", async (HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var me = await mediator.Send(new MeQuery(), cancellationToken);
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(me);
            })
            .RequireAuthorization()
            .WithName("GetCurrentUser")
            .WithTags("Auth")
            .WithSummary("The caller's profile under the active role (X-Active-Role).")
            .Produces<MeResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
