using Analytics.Api.Features.Operations.Shared;
using Analytics.Api.Shared.Hosting;
using Analytics.Api.Shared.Http;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Predictive.RetrainModels;

public sealed class RetrainModelsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/predictive/models/retrain", async (HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var request = await JsonBody.ReadOptionalAsync<RetrainModelsRequest>(context.Request);
                var job = await mediator.Send(new RetrainModelsCommand(request?.Analytic, request?.OrganisationId), cancellationToken);
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.Accepted($"/api/v1/admin/jobs/{job.JobId}", job);
            })
            .RequireAuthorization()
            .WithName("RetrainModels")
            .WithTags("Predictive")
            .WithSummary("Retrain the drop-off models now, of one organisation or of all, in the background. Platform admin only.")
            .AcceptsOptionalJson<RetrainModelsRequest>()
            .Produces<OperatorJob>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
