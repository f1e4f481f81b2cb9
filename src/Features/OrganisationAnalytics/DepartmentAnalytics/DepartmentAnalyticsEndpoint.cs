using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Carter;
using Mediator;

namespace Analytics.Api.Features.OrganisationAnalytics.DepartmentAnalytics;

public sealed class DepartmentAnalyticsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/org-admin/analytics/department-analytics/{orgId}",
                async (string orgId, string? department, string? departmentId, HttpContext context, IMediator mediator, AnalyticsResponses responses, CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(new DepartmentAnalyticsQuery(orgId, department, departmentId), cancellationToken)))
            .RequireAuthorization()
            .WithName("GetOrganisationDepartmentAnalytics")
            .WithTags("Organisation analytics")
            .WithSummary("Department analytics: metrics, trends, insights, rank and percentile per department with at least k members (department-analytics@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
