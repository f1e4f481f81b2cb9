using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Carter;
using Mediator;

namespace Analytics.Api.Features.OrganisationAnalytics.StrategicAlignment;

public sealed class StrategicAlignmentEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/org-admin/analytics/strategic-alignment/{orgId}",
                async (string orgId, string? departmentId, HttpContext context, IMediator mediator, AnalyticsResponses responses,
                        CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(new StrategicAlignmentQuery(orgId, departmentId), cancellationToken)))
            .RequireAuthorization()
            .WithName("GetOrgStrategicAlignment")
            .WithTags("Organisation analytics")
            .WithSummary("Strategic alignment: KPI achievement, skill-target coverage and training compliance, per strategic goal (strategic-alignment@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
