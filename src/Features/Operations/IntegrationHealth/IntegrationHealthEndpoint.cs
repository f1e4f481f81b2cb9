using Carter;
using Mediator;

namespace Analytics.Api.Features.Operations.IntegrationHealth;

public sealed class IntegrationHealthEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/integration/health", async (HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var report = await mediator.Send(new IntegrationHealthQuery(), cancellationToken);
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(report);
            })
            .RequireAuthorization()
            .WithName("GetIntegrationHealth")
            .WithTags("Operator")
            .WithSummary("Each upstream service's circuit breaker, last successful sync, last error and latency. Platform admin only.")
            .Produces<IntegrationHealthReport>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
