using Analytics.Api.Features.Operations.Shared;
using Analytics.Api.Shared.Hosting;
using Analytics.Api.Shared.Http;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Operations.StartSync;

// No Accepts metadata: an empty body is allowed (an incremental sync of everything), and JsonBody checks a non-empty one.
public sealed class StartSyncEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/integration/sync", async (HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var request = await JsonBody.ReadOptionalAsync<StartSyncRequest>(context.Request);
                var job = await mediator.Send(
                    new StartSyncCommand(request?.Upstreams, request?.OrganisationId, request?.Mode ?? "incremental"), cancellationToken);
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.Accepted($"/api/v1/admin/jobs/{job.JobId}", job);
            })
            .RequireAuthorization()
            .WithName("StartUpstreamSync")
            .WithTags("Operator")
            .WithSummary("Sync the upstream services now (incremental or full), optionally some services or one organisation. Platform admin only.")
            .AcceptsOptionalJson<StartSyncRequest>()
            .Produces<OperatorJob>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
