using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Http;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Reports.ListReports;

public sealed class ListReportsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/reports",
                async (int? page, int? limit, string? status, string? type, string? format, string? subjectId, string? sort,
                    HttpContext context, IMediator mediator, CurrentUserAccessor currentUser, CancellationToken cancellationToken) =>
                {
                    var list = await mediator.Send(
                        new ListReportsQuery(currentUser.Required.UserId, page, limit, status, type, format, subjectId, sort), cancellationToken);
                    context.Response.Headers.Link = Pagination.LinkHeader(context.Request, list.Pagination);
                    context.Response.Headers.CacheControl = "no-store";
                    return TypedResults.Ok(list);
                })
            .RequireAuthorization()
            .WithName("ListReports")
            .WithTags("Reports")
            .WithSummary("The caller's reports with a summary and trends over all of them.")
            .Produces<ReportList>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
