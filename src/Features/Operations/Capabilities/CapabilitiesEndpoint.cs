using Carter;
using Mediator;

namespace Analytics.Api.Features.Operations.Capabilities;

public sealed class CapabilitiesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/capabilities", async (HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var capabilities = await mediator.Send(new CapabilitiesQuery(), cancellationToken);
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(capabilities);
            })
            .RequireAuthorization()
            .WithName("GetCapabilities")
            .WithTags("System")
            .WithSummary("For the caller's organisation and every role the caller holds: each analytic and whether its sources support it.")
            .Produces<CapabilitiesResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
