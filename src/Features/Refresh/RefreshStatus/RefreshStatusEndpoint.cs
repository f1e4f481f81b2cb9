using Carter;
using Mediator;

namespace Analytics.Api.Features.Refresh.RefreshStatus;

public sealed class RefreshStatusEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/analytics/refresh/{jobId}",
                async (string jobId, HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
                {
                    var status = await mediator.Send(new RefreshStatusQuery(jobId), cancellationToken);
                    context.Response.Headers.CacheControl = "no-store";
                    return TypedResults.Ok(status);
                })
            .RequireAuthorization()
            .WithName("GetAnalyticsRefresh")
            .WithTags("Refresh")
            .WithSummary("A refresh job's status, progress (0–100), stage and per-analytic results.")
            .Produces<RefreshJobStatus>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
