using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Carter;
using Mediator;

namespace Analytics.Api.Features.TrainerAnalytics.StudentDistribution;

public sealed class StudentDistributionEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/trainer/analytics/student-distribution/{trainerId}",
                async (string trainerId, string? courseId, string? moduleId, string? attemptsBucket, HttpContext context, IMediator mediator,
                        CurrentUserAccessor currentUser, AnalyticsResponses responses, CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(
                        new StudentDistributionQuery(trainerId, courseId, moduleId, attemptsBucket, TrainerViewer.OrganisationScopeOf(currentUser.Required)),
                        cancellationToken)))
            .RequireAuthorization()
            .WithName("GetTrainerStudentDistribution")
            .WithTags("Trainer analytics")
            .WithSummary("Student distribution: course scores of one course in four bands, with histogram, quantiles and insights (student-distribution@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
