using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Carter;
using Mediator;

namespace Analytics.Api.Features.LearnerAnalytics.Overview;

/// <summary>
/// `GET /learner/analytics/overview/{userId}` (API.md §4.1): the six learner analytics in one envelope. The sections are the
/// same messages as the single-analytic endpoints, sent concurrently, so each is authorised, validated and cached exactly as
/// when read alone, and a cold overview costs the slowest section, not the sum.
/// </summary>
public sealed class OverviewEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/learner/analytics/overview/{userId}",
                async (string userId, HttpContext context, IMediator mediator, CurrentUserAccessor currentUser, AnalyticsResponses responses, CancellationToken cancellationToken) =>
                {
                    // Resolve the caller once before the fan-out: the sections then only read it.
                    _ = currentUser.Required;
                    var velocity = mediator.Send(new VelocityQuery(userId, null), cancellationToken).AsTask();
                    var skillGap = mediator.Send(new SkillGapQuery(userId, null, null), cancellationToken).AsTask();
                    var engagement = mediator.Send(new EngagementQuery(userId, null), cancellationToken).AsTask();
                    var mastery = mediator.Send(new MasteryQuery(userId, null), cancellationToken).AsTask();
                    var performance = mediator.Send(new PerformanceQuery(userId, null), cancellationToken).AsTask();
                    var contentEffectiveness = mediator.Send(
                        new ContentEffectivenessQuery(userId, null, null, null, null, null), cancellationToken).AsTask();
                    await Task.WhenAll(velocity, skillGap, engagement, mastery, performance, contentEffectiveness);
                    return responses.Overview(context, new AnalyticSubject("learner", userId), "userId",
                    [
                        ("learningVelocity", await velocity),
                        ("skillGap", await skillGap),
                        ("engagement", await engagement),
                        ("mastery", await mastery),
                        ("performance", await performance),
                        ("contentEffectiveness", await contentEffectiveness),
                    ]);
                })
            .RequireAuthorization()
            .WithName("GetLearnerOverview")
            .WithTags("Learner analytics")
            .WithSummary("All learner analytics of one learner in one envelope, each section with its own freshness.")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
