using Analytics.Api.Shared.Observability;
using Carter;

namespace Analytics.Api.Features.Operations.Root;

/// <summary>`GET /`: where to go next (API.md §4.10). Static, so it needs no message.</summary>
public sealed class RootEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/", () => TypedResults.Ok(new ServiceIndex("learning-analytics", ServiceInfo.Version, "/docs", "/openapi/v1.json", "/api/health")))
            .AllowAnonymous()
            .WithName("GetServiceIndex")
            .WithTags("System")
            .WithSummary("Service name, version and the addresses of the docs, the OpenAPI document and the health check.")
            .Produces<ServiceIndex>();
}
