using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Http;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Refresh.RequestRefresh;

public sealed class RequestRefreshEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/analytics/refresh",
                async (HttpContext context, IMediator mediator, CurrentUserAccessor currentUser, CancellationToken cancellationToken) =>
                {
                    var request = await JsonBody.ReadRequiredAsync<RefreshRequest>(context.Request);
                    var caller = currentUser.Required;
                    var accepted = await mediator.Send(
                        new RequestRefreshCommand(request.Subject, request.Role, request.Analytics, caller.ActiveRole, caller.UserId), cancellationToken);
                    context.Response.Headers.CacheControl = "no-store";
                    return TypedResults.Accepted(accepted.StatusUrl, accepted);
                })
            .RequireAuthorization()
            .WithName("RequestAnalyticsRefresh")
            .WithTags("Refresh")
            .WithSummary("Recalculate a subject's analytics now, bypassing the caches; poll the returned job for progress.")
            .Accepts<RefreshRequest>("application/json")
            .Produces<RefreshAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
