using Analytics.Api.Shared.Hosting;
using Analytics.Api.Shared.Http;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Privacy.EraseUser;

public sealed class EraseUserEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/v1/privacy/users/{userId}", HandleAsync)
            .RequireAuthorization()
            .WithName("EraseUser")
            .WithTags("Privacy")
            .WithSummary("Erase a person (GDPR): their rows go, aggregates are recomputed, a tombstone keeps later loads from bringing them back.")
            .AcceptsOptionalJson<EraseUserRequest>()
            .Produces<ErasureReceipt>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        // The app's path (API.md §4.8).
        app.MapDelete("/api/v1/privacy/user/{userId}", HandleAsync)
            .RequireAuthorization()
            .WithName("EraseUserAlias")
            .WithTags("Privacy")
            .WithSummary("Alias of DELETE /api/v1/privacy/users/{userId}.")
            .AcceptsOptionalJson<EraseUserRequest>()
            .Produces<ErasureReceipt>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<ErasureReceipt>> HandleAsync(
        string userId, string? confirm, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        var body = confirm is null ? await JsonBody.ReadOptionalAsync<EraseUserRequest>(context.Request) : null;
        var receipt = await mediator.Send(new EraseUserCommand(userId, confirm ?? body?.Confirm, context.TraceIdentifier), cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(receipt);
    }
}
