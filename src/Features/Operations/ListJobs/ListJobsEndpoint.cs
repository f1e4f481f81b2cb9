using Analytics.Api.Shared.Http;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Operations.ListJobs;

public sealed class ListJobsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/admin/jobs",
                async (string? type, string? status, string? page, string? limit, string? sort, HttpContext context, IMediator mediator,
                    CancellationToken cancellationToken) =>
                {
                    var jobs = await mediator.Send(new ListJobsQuery(type, status, page, limit, sort), cancellationToken);
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Link = Pagination.LinkHeader(context.Request, jobs.Pagination);
                    return TypedResults.Ok(jobs);
                })
            .RequireAuthorization()
            .WithName("ListOperatorJobs")
            .WithTags("Operator")
            .WithSummary("Jobs of every type (refresh, recalculation, …), newest first, filtered by type and status, paged. Platform admin only.")
            .Produces<ListJobsResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
