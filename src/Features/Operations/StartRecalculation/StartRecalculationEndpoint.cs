using Analytics.Api.Features.Operations.Shared;
using Analytics.Api.Shared.Hosting;
using Analytics.Api.Shared.Http;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Operations.StartRecalculation;

// No Accepts metadata: an empty body is allowed (everything), and JsonBody checks the media type of a non-empty one.
public sealed class StartRecalculationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/admin/recalculations", async (HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var request = await JsonBody.ReadOptionalAsync<StartRecalculationRequest>(context.Request);
                var job = await mediator.Send(new StartRecalculationCommand(request?.OrganisationId, request?.Analytics), cancellationToken);
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.Accepted($"/api/v1/admin/jobs/{job.JobId}", job);
            })
            .RequireAuthorization()
            .WithName("StartRecalculation")
            .WithTags("Operator")
            .WithSummary("Run the nightly recalculation now (resumable), optionally for one organisation and some analytics. Platform admin only.")
            .AcceptsOptionalJson<StartRecalculationRequest>()
            .Produces<OperatorJob>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
