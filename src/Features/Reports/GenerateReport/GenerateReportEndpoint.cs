using Analytics.Api.Features.Reports.Shared;
using Analytics.Api.Shared.Http;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Reports.GenerateReport;

public sealed class GenerateReportEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/reports/generate",
                async (HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
                {
                    var body = await JsonBody.ReadRequiredAsync<GenerateReportRequest>(context.Request);
                    var report = await mediator.Send(
                        new GenerateReportCommand(body.Type, body.Format, body.Subject, body.TemplateId, body.Analytics, body.From, body.To,
                            body.Title, body.TimeZone),
                        cancellationToken);
                    context.Response.Headers.CacheControl = "no-store";
                    return TypedResults.Accepted($"/api/v1/reports/{report.Id}", report);
                })
            .RequireAuthorization()
            .WithName("GenerateReport")
            .WithTags("Reports")
            .WithSummary("Queue a report (PDF, CSV, Excel or JSON) of a subject's analytics; poll the report for its status.")
            .Accepts<GenerateReportRequest>("application/json")
            .Produces<ReportResource>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
