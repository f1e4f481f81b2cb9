using Analytics.Api.Shared.Auth;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Reports.GetReport;

public sealed class GetReportEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/reports/{reportId}",
                async (string reportId, HttpContext context, IMediator mediator, CurrentUserAccessor currentUser, CancellationToken cancellationToken) =>
                {
                    var details = await mediator.Send(new GetReportQuery(reportId, currentUser.Required.UserId), cancellationToken);
                    context.Response.Headers.CacheControl = "no-store";
                    return TypedResults.Ok(details);
                })
            .RequireAuthorization()
            .WithName("GetReport")
            .WithTags("Reports")
            .WithSummary("One of the caller's reports with its status and, once completed, a preview of its figures.")
            .Produces<ReportDetails>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
