using Analytics.Api.Features.Comparison.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Comparison.PeerComparison;

public sealed class PeerComparisonEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/comparison/peer/{id}",
                async (string id, string? scope, HttpContext context, CurrentUserAccessor currentUser, IMediator mediator,
                        AnalyticsResponses responses, CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(
                        new PeerComparisonQuery(id, scope, CohortSubjects.Resolve(currentUser.Required, id)), cancellationToken)))
            .RequireAuthorization()
            .WithName("GetPeerComparison")
            .WithTags("Comparison")
            .WithSummary("Peer comparison: a learner, a trainer's cohort or an organisation against its peers, with ranks and percentiles (peer-comparison@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
