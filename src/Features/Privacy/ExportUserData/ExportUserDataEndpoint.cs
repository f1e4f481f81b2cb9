using System.Globalization;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Privacy.ExportUserData;

public sealed class ExportUserDataEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/privacy/users/{userId}/export",
                async (string userId, HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
                {
                    var export = await mediator.Send(new ExportUserDataQuery(userId, context.TraceIdentifier), cancellationToken);
                    var day = export.ExportedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
                    context.Response.Headers.ContentDisposition = $"attachment; filename=\"export-{export.UserId}-{day}.json\"";
                    context.Response.Headers.CacheControl = "no-store";
                    return TypedResults.Ok(export.Archive);
                })
            .RequireAuthorization()
            .WithName("ExportUserData")
            .WithTags("Privacy")
            .WithSummary("Download everything the service keeps about a person as one JSON archive (GDPR access).")
            .Produces<object>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
