using Carter;
using Mediator;

namespace Analytics.Api.Features.Operations.ResetCircuitBreaker;

public sealed class ResetCircuitBreakerEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/integration/circuit-breaker/{upstream}/reset",
                async (string upstream, HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
                {
                    var reset = await mediator.Send(new ResetCircuitBreakerCommand(upstream), cancellationToken);
                    context.Response.Headers.CacheControl = "no-store";
                    return TypedResults.Ok(reset);
                })
            .RequireAuthorization()
            .WithName("ResetCircuitBreaker")
            .WithTags("Operator")
            .WithSummary("Close an upstream service's circuit breakers on this instance. Platform admin only.")
            .Produces<BreakerReset>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
