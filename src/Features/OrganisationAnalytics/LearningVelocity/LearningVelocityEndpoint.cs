using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Carter;
using Mediator;

namespace Analytics.Api.Features.OrganisationAnalytics.LearningVelocity;

public sealed class LearningVelocityEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/org-admin/analytics/learning-velocity/{orgId}",
                async (string orgId, string? departmentId, HttpContext context, IMediator mediator, AnalyticsResponses responses, CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(new LearningVelocityQuery(orgId, departmentId), cancellationToken)))
            .RequireAuthorization()
            .WithName("GetOrganisationLearningVelocity")
            .WithTags("Organisation analytics")
            .WithSummary("Organisational learning velocity: participation, skills, certifications, department breakdown and quarter trends (learning-velocity@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
