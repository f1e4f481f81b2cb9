using Carter;
using Mediator;

namespace Analytics.Api.Features.Operations.Health;

public sealed class HealthEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        foreach (var (path, name) in new[] { ("/api/health", "GetHealth"), ("/api/v1/health", "GetHealthV1") })
        {
            app.MapGet(path, async (HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
                {
                    var report = await mediator.Send(new HealthQuery(), cancellationToken);
                    context.Response.Headers.CacheControl = "no-store";
                    return TypedResults.Json(report, statusCode: report.Status == "unhealthy" ? 503 : 200);
                })
                .AllowAnonymous()
                .WithName(name)
                .WithTags("System")
                .WithSummary("Service health: database, cache, scheduler and upstreams; 503 when the database is down.")
                .Produces<HealthReport>()
                .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
        }
    }
}
