using Carter;
using Mediator;

namespace Analytics.Api.Features.Reports.ListTemplates;

public sealed class ListTemplatesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/reports/templates",
                async (string? type, IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new ListTemplatesQuery(type), cancellationToken)))
            .RequireAuthorization()
            .WithName("ListReportTemplates")
            .WithTags("Reports")
            .WithSummary("The built-in report templates (read-only).")
            .Produces<TemplateList>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
