using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Predictive.Forecast;

public sealed class ForecastEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/predictive/forecast/{id}",
                async (string id, string? courseId, string? weeklyStudyHours, string? breakWeeks, HttpContext context, CurrentUserAccessor currentUser,
                        IMediator mediator, AnalyticsResponses responses, CancellationToken cancellationToken) =>
                    responses.Envelope(context, await mediator.Send(
                        new ForecastQuery(id, CohortSubjects.Resolve(currentUser.Required, id), courseId, weeklyStudyHours, breakWeeks),
                        cancellationToken)))
            .RequireAuthorization()
            .WithName("GetForecast")
            .WithTags("Predictive")
            .WithSummary("Forecast: predicted score, completion probability and weeks to complete of a learner or a cohort, with what-if inputs (forecast@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
