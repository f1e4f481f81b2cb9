using Analytics.Api.Shared.Auth;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Reports.DeleteReport;

public sealed class DeleteReportEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete("/api/v1/reports/{reportId}",
                async (string reportId, IMediator mediator, CurrentUserAccessor currentUser, CancellationToken cancellationToken) =>
                {
                    await mediator.Send(new DeleteReportCommand(reportId, currentUser.Required.UserId), cancellationToken);
                    return TypedResults.NoContent();
                })
            .RequireAuthorization()
            .WithName("DeleteReport")
            .WithTags("Reports")
            .WithSummary("Delete one of the caller's reports (cancels it if it is still queued or running).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
