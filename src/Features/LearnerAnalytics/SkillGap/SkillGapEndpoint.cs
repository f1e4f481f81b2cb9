using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Carter;
using Mediator;

namespace Analytics.Api.Features.LearnerAnalytics.SkillGap;

public sealed class SkillGapEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/learner/analytics/skill-gap/{userId}",
                async (string userId, string? category, string? criticalOnly, HttpContext context, IMediator mediator, AnalyticsResponses responses, CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(new SkillGapQuery(userId, category, criticalOnly), cancellationToken)))
            .RequireAuthorization()
            .WithName("GetLearnerSkillGap")
            .WithTags("Learner analytics")
            .WithSummary("Skill-gap matrix: current against target level per target skill, with priority and criticality (skill-gap@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
