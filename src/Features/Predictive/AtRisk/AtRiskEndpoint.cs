using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Http;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Predictive.AtRisk;

public sealed class AtRiskEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/predictive/at-risk/{id}",
                async (string id, string? courseId, string? departmentId, string? band, string? minScore, string? sort, string? page, string? limit,
                    HttpContext context, CurrentUserAccessor currentUser, IMediator mediator, AnalyticsResponses responses, CancellationToken cancellationToken) =>
                {
                    var result = await mediator.Send(
                        new AtRiskQuery(id, CohortSubjects.Resolve(currentUser.Required, id), courseId, departmentId, band, minScore, sort, page, limit),
                        cancellationToken);
                    context.Response.Headers.Link = Pagination.LinkHeader(context.Request, result.Payload.Pagination);
                    return responses.Envelope(context, result);
                })
            .RequireAuthorization()
            .WithName("ListAtRiskLearners")
            .WithTags("Predictive")
            .WithSummary("The learners of a trainer's or an organisation's cohort with their drop-off risk, filtered by band and score, sorted and paged.")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
