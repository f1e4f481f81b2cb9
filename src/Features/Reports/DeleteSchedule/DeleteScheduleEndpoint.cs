using Analytics.Api.Shared.Auth;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Reports.DeleteSchedule;

public sealed class DeleteScheduleEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete("/api/v1/reports/schedules/{scheduleId}",
                async (string scheduleId, IMediator mediator, CurrentUserAccessor currentUser, CancellationToken cancellationToken) =>
                {
                    await mediator.Send(new DeleteScheduleCommand(scheduleId, currentUser.Required.UserId), cancellationToken);
                    return TypedResults.NoContent();
                })
            .RequireAuthorization()
            .WithName("DeleteReportSchedule")
            .WithTags("Reports")
            .WithSummary("Delete one of the caller's report schedules (the reports it produced stay).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
