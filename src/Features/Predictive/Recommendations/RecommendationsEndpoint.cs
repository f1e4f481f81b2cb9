using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Predictive.Recommendations;

public sealed class RecommendationsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/predictive/recommendations/{id}",
                async (string id, string? limit, HttpContext context, CurrentUserAccessor currentUser, IMediator mediator,
                        AnalyticsResponses responses, CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(
                        new RecommendationsQuery(id, limit, CohortSubjects.Resolve(currentUser.Required, id)), cancellationToken)))
            .RequireAuthorization()
            .WithName("GetRecommendations")
            .WithTags("Predictive")
            .WithSummary("Recommendations: rule-based next steps for a learner, a trainer's cohort or an organisation, with the feed's follow-through (recommendations@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
