using Analytics.Api.Features.Operations.Shared;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Operations.GetJob;

public sealed class GetJobEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/admin/jobs/{jobId}", async (string jobId, HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var job = await mediator.Send(new GetJobQuery(jobId), cancellationToken);
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(job);
            })
            .RequireAuthorization()
            .WithName("GetOperatorJob")
            .WithTags("Operator")
            .WithSummary("One job of any type (refresh, recalculation, …) with its status, progress and counters. Platform admin only.")
            .Produces<OperatorJob>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
