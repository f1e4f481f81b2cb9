using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Carter;
using Mediator;

namespace Analytics.Api.Features.TrainerAnalytics.Overview;

/// <summary>
/// `GET /trainer/analytics/overview/{trainerId}?courseId=` (API.md §4.2): the four trainer analytics in one envelope. The
/// sections are the messages of the single-analytic endpoints, sent concurrently, so each is authorised, validated and cached
/// exactly as when read alone; `courseId` (default: the primary course) applies to the health and distribution sections.
/// </summary>
public sealed class OverviewEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/trainer/analytics/overview/{trainerId}",
                async (string trainerId, string? courseId, HttpContext context, IMediator mediator, CurrentUserAccessor currentUser,
                        AnalyticsResponses responses, CancellationToken cancellationToken) =>
                {
                    // Resolve the caller once before the fan-out: the sections then only read it.
                    var scope = TrainerViewer.OrganisationScopeOf(currentUser.Required);
                    var performance = mediator.Send(new CoursePerformanceQuery(trainerId, null, scope), cancellationToken).AsTask();
                    var health = mediator.Send(new CourseHealthQuery(trainerId, courseId, scope), cancellationToken).AsTask();
                    var distribution = mediator.Send(new StudentDistributionQuery(trainerId, courseId, null, null, scope), cancellationToken).AsTask();
                    var effectiveness = mediator.Send(new TeachingEffectivenessQuery(trainerId, null, scope), cancellationToken).AsTask();
                    await Task.WhenAll(performance, health, distribution, effectiveness);
                    return responses.Overview(context, new AnalyticSubject("trainer", trainerId), "trainerId",
                    [
                        ("coursePerformance", await performance),
                        ("courseHealth", await health),
                        ("studentDistribution", await distribution),
                        ("teachingEffectiveness", await effectiveness),
                    ]);
                })
            .RequireAuthorization()
            .WithName("GetTrainerOverview")
            .WithTags("Trainer analytics")
            .WithSummary("All trainer analytics of one trainer in one envelope, each section with its own freshness.")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
