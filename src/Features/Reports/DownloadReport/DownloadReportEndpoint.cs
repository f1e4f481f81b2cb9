using Analytics.Api.Features.Reports.Shared;
using Analytics.Api.Shared.Auth;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;

namespace Analytics.Api.Features.Reports.DownloadReport;

public sealed class DownloadReportEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/reports/{reportId}/download",
                async (string reportId, long? expires, string? signature, HttpContext context, IMediator mediator, ReportLinks links,
                    ReportStore store, CancellationToken cancellationToken) =>
                {
                    string ownerId;
                    if (expires is not null || signature is not null)
                    {
                        // A signed link (e-mail, webhook) stands for the owner for 24 h; a wrong or old one finds nothing.
                        if (!IsSigned(reportId, expires, signature, links)
                            || await store.OwnerAsync(reportId, cancellationToken) is not { } owner)
                        {
                            throw ReportProblems.NotFound();
                        }

                        ownerId = owner;
                    }
                    else if (context.User.Identity?.IsAuthenticated == true && context.RequestServices.GetRequiredService<CurrentUserAccessor>().Current is { } user)
                    {
                        ownerId = user.UserId;
                    }
                    else
                    {
                        // No link and no (valid) bearer: the authentication challenge answers (401 MISSING_TOKEN, TOKEN_EXPIRED, …).
                        await context.ChallengeAsync();
                        return Results.Empty;
                    }

                    var file = await mediator.Send(new DownloadReportQuery(reportId, ownerId), cancellationToken);
                    var disposition = new ContentDispositionHeaderValue("attachment");
                    disposition.FileName = $"\"{file.FileName}\"";
                    context.Response.Headers.ContentDisposition = disposition.ToString();
                    context.Response.Headers.CacheControl = "no-store";
                    return TypedResults.Bytes(file.Content, file.ContentType);
                })
            .AllowAnonymous()
            .WithName("DownloadReport")
            .WithTags("Reports")
            .WithSummary("Download a completed report's file (PDF, CSV, Excel or JSON), as its owner or through a signed link (`expires`, `signature`; 24 h).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static bool IsSigned(string reportId, long? expires, string? signature, ReportLinks links) =>
        expires is { } seconds && links.IsValid(reportId, seconds, signature);
}
