using Analytics.Api.Features.Predictive.Shared;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Predictive.ListModels;

public sealed class ListModelsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/predictive/models", async (string? analytic, string? organisationId, bool? inUse, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new ListModelsQuery(analytic, organisationId, inUse, null), cancellationToken)))
            .RequireAuthorization()
            .WithName("ListModels")
            .WithTags("Predictive")
            .WithSummary("The model cards of your organisation (platform admins: of any), with the rule card when no model is in use.")
            .Produces<ModelList>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        app.MapGet("/api/v1/predictive/models/{modelId}", async (string modelId, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok((await mediator.Send(new ListModelsQuery(null, null, null, modelId), cancellationToken)).Models[0]))
            .RequireAuthorization()
            .WithName("GetModel")
            .WithTags("Predictive")
            .WithSummary("One model card of your organisation (platform admins: of any).")
            .Produces<ModelCard>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
