using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Carter;
using Mediator;

namespace Analytics.Api.Features.OrganisationAnalytics.Overview;

/// <summary>
/// `GET /org-admin/analytics/overview/{orgId}` (API.md §4.3): the four organisation analytics in one envelope
/// (`learningVelocity`, `strategicAlignment`, `learningCulture`, `orgPerformance`). The sections are the messages of the
/// single-analytic endpoints, sent concurrently, so each is authorised, validated and cached exactly as when read alone.
/// </summary>
public sealed class OverviewEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/org-admin/analytics/overview/{orgId}",
                async (string orgId, HttpContext context, IMediator mediator, CurrentUserAccessor currentUser, AnalyticsResponses responses,
                        CancellationToken cancellationToken) =>
                {
                    // Resolve the caller once before the fan-out: the sections then only read it.
                    _ = currentUser.Required;
                    var velocity = mediator.Send(new LearningVelocityQuery(orgId, null), cancellationToken).AsTask();
                    var alignment = mediator.Send(new StrategicAlignmentQuery(orgId, null), cancellationToken).AsTask();
                    var culture = mediator.Send(new LearningCultureQuery(orgId, null), cancellationToken).AsTask();
                    var performance = mediator.Send(new OrgPerformanceQuery(orgId), cancellationToken).AsTask();
                    await Task.WhenAll(velocity, alignment, culture, performance);
                    return responses.Overview(context, new AnalyticSubject("organisation", orgId), "organisationId",
                    [
                        ("learningVelocity", await velocity),
                        ("strategicAlignment", await alignment),
                        ("learningCulture", await culture),
                        ("orgPerformance", await performance),
                    ]);
                })
            .RequireAuthorization()
            .WithName("GetOrganisationOverview")
            .WithTags("Organisation analytics")
            .WithSummary("All organisation analytics of one organisation in one envelope, each section with its own freshness.")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
