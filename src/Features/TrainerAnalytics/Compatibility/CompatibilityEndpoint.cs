using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Carter;
using Mediator;

namespace Analytics.Api.Features.TrainerAnalytics.Compatibility;

/// <summary>
/// The two paths the app's card hooks call (API.md §4.2, tag `compat`). They send the same messages as the overview, so they
/// succeed whenever it does; the payload sits under one property of `data`.
/// </summary>
public sealed class CompatibilityEndpoint : ICarterModule
{
    /// <summary>The app's fallback course id: the primary course.</summary>
    public const string DefaultCourse = "default-course";

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/analytics/trainer/{trainerId}/student-distribution/{courseId}",
                async (string trainerId, string courseId, HttpContext context, IMediator mediator, CurrentUserAccessor currentUser,
                        AnalyticsResponses responses, CancellationToken cancellationToken) =>
                {
                    var query = new StudentDistributionQuery(
                        trainerId, courseId == DefaultCourse ? null : courseId, null, null, TrainerViewer.OrganisationScopeOf(currentUser.Required));
                    return responses.EnvelopeUnder(context, await mediator.Send(query, cancellationToken), "studentDistribution");
                })
            .RequireAuthorization()
            .WithName("GetTrainerStudentDistributionCompat")
            .WithTags("compat")
            .WithSummary("The app's student-distribution card: `data.studentDistribution` (student-distribution@1.0); `default-course` is the primary course.")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/v1/analytics/trainer/{trainerId}/teaching-effectiveness",
                async (string trainerId, HttpContext context, IMediator mediator, CurrentUserAccessor currentUser,
                        AnalyticsResponses responses, CancellationToken cancellationToken) =>
                {
                    var query = new TeachingEffectivenessQuery(trainerId, null, TrainerViewer.OrganisationScopeOf(currentUser.Required));
                    return responses.EnvelopeUnder(context, await mediator.Send(query, cancellationToken), "teachingEffectiveness");
                })
            .RequireAuthorization()
            .WithName("GetTrainerTeachingEffectivenessCompat")
            .WithTags("compat")
            .WithSummary("The app's teaching-effectiveness card: `data.teachingEffectiveness` (teaching-effectiveness@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
