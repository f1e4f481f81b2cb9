using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Http;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Reports.ListSchedules;

public sealed class ListSchedulesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/reports/schedules",
                async (int? page, int? limit, HttpContext context, IMediator mediator, CurrentUserAccessor currentUser, CancellationToken cancellationToken) =>
                {
                    var list = await mediator.Send(new ListSchedulesQuery(currentUser.Required.UserId, page, limit), cancellationToken);
                    context.Response.Headers.Link = Pagination.LinkHeader(context.Request, list.Pagination);
                    context.Response.Headers.CacheControl = "no-store";
                    return TypedResults.Ok(list);
                })
            .RequireAuthorization()
            .WithName("ListReportSchedules")
            .WithTags("Reports")
            .WithSummary("The caller's report schedules.")
            .Produces<ScheduleList>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
