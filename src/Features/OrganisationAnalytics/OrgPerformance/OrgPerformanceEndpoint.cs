using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Carter;
using Mediator;

namespace Analytics.Api.Features.OrganisationAnalytics.OrgPerformance;

public sealed class OrgPerformanceEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/org-admin/analytics/org-performance/{orgId}",
                async (string orgId, HttpContext context, IMediator mediator, AnalyticsResponses responses, CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(new OrgPerformanceQuery(orgId), cancellationToken)))
            .RequireAuthorization()
            .WithName("GetOrgPerformance")
            .WithTags("Organisation analytics")
            .WithSummary("Organisation performance: completion, skill development, KPI achievement and engagement, per department, with trend and benchmark (org-performance@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
