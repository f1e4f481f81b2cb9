using Analytics.Api.Features.Reports.Shared.Schedules;
using Analytics.Api.Shared.Auth;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Reports.GetSchedule;

public sealed class GetScheduleEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/reports/schedules/{scheduleId}",
                async (string scheduleId, HttpContext context, IMediator mediator, CurrentUserAccessor currentUser, CancellationToken cancellationToken) =>
                {
                    var schedule = await mediator.Send(new GetScheduleQuery(scheduleId, currentUser.Required.UserId), cancellationToken);
                    context.Response.Headers.CacheControl = "no-store";
                    return TypedResults.Ok(schedule);
                })
            .RequireAuthorization()
            .WithName("GetReportSchedule")
            .WithTags("Reports")
            .WithSummary("One of the caller's report schedules with its next and last run.")
            .Produces<ScheduleResource>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
