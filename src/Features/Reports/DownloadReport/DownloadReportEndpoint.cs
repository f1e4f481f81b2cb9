using Analytics.Api.Shared.Auth;
using Carter;
using Mediator;
using Microsoft.Net.Http.Headers;

namespace Analytics.Api.Features.Reports.DownloadReport;

public sealed class DownloadReportEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/reports/{reportId}/download",
                async (string reportId, HttpContext context, IMediator mediator, CurrentUserAccessor currentUser, CancellationToken cancellationToken) =>
                {
                    var file = await mediator.Send(new DownloadReportQuery(reportId, currentUser.Required.UserId), cancellationToken);
                    var disposition = new ContentDispositionHeaderValue("attachment");
                    disposition.FileName = $"\"{file.FileName}\"";
                    context.Response.Headers.ContentDisposition = disposition.ToString();
                    context.Response.Headers.CacheControl = "no-store";
                    return TypedResults.Bytes(file.Content, file.ContentType);
                })
            .RequireAuthorization()
            .WithName("DownloadReport")
            .WithTags("Reports")
            .WithSummary("Download a completed report's file (PDF, CSV, Excel or JSON).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
