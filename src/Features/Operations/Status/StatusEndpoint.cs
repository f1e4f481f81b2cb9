using Carter;
using Mediator;

namespace Analytics.Api.Features.Operations.Status;

public sealed class StatusEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/status", async (HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var report = await mediator.Send(new StatusQuery(), cancellationToken);
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(report);
            })
            .AllowAnonymous()
            .WithName("GetStatus")
            .WithTags("System")
            .WithSummary("This instance's traffic over 5 minutes, the latest recalculation, the oldest snapshot and the job queue.")
            .Produces<StatusReport>();
}
