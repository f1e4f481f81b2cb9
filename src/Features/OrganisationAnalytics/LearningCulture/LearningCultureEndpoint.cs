using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Carter;
using Mediator;

namespace Analytics.Api.Features.OrganisationAnalytics.LearningCulture;

public sealed class LearningCultureEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/org-admin/analytics/learning-culture/{orgId}",
                async (string orgId, string? departmentId, HttpContext context, IMediator mediator, AnalyticsResponses responses,
                        CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(new LearningCultureQuery(orgId, departmentId), cancellationToken)))
            .RequireAuthorization()
            .WithName("GetOrganisationLearningCulture")
            .WithTags("Organisation analytics")
            .WithSummary("Learning culture: voluntary learning, knowledge sharing and mentoring combined into a maturity score, with a platform benchmark (learning-culture@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
