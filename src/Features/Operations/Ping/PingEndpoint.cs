using Carter;

namespace Analytics.Api.Features.Operations.Ping;

/// <summary>
/// `GET /api/v1/ping`: authenticated, reads neither store nor cache; the baseline of the cached-read throughput target
/// (PRODUCT.md, API.md §4.10). Deliberately no message: it must cost only what every authenticated read costs.
/// </summary>
public sealed class PingEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/ping", () => TypedResults.Ok(new PingResponse()))
            .RequireAuthorization()
            .WithName("Ping")
            .WithTags("System")
            .WithSummary("Authenticated no-op returning {}.")
            .Produces<PingResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
