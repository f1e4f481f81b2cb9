using Analytics.Api.Features.Reports.Shared.Schedules;
using Analytics.Api.Shared.Http;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Reports.CreateSchedule;

public sealed class CreateScheduleEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/reports/schedules",
                async (HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
                {
                    var body = await JsonBody.ReadRequiredAsync<CreateScheduleRequest>(context.Request);
                    var schedule = await mediator.Send(
                        new CreateScheduleCommand(body.Name, body.Type, body.Format, body.Subject, body.TemplateId, body.Analytics, body.Cron,
                            body.TimeZone, body.Period, body.Delivery?.Channel, body.Delivery?.Recipients, body.Delivery?.WebhookUrl,
                            body.Enabled),
                        cancellationToken);
                    context.Response.Headers.CacheControl = "no-store";
                    return TypedResults.Created($"/api/v1/reports/schedules/{schedule.Id}", schedule);
                })
            .RequireAuthorization()
            .WithName("CreateReportSchedule")
            .WithTags("Reports")
            .WithSummary("Schedule a recurring report (cron in a time zone), stored, e-mailed or posted to a webhook.")
            .Accepts<CreateScheduleRequest>("application/json")
            .Produces<ScheduleResource>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
