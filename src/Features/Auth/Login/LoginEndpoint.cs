using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Http;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Api.Features.Auth.Login;

public sealed class LoginEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/auth/login", async (HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var request = await JsonBody.ReadRequiredAsync<LoginRequest>(context.Request);
                var session = await mediator.Send(
                    new LoginCommand(request.Email, request.Password, context.Connection.RemoteIpAddress?.ToString()), cancellationToken);
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(session);
            })
            .AllowAnonymous()
            .WithName("Login")
            .WithTags("Auth")
            .WithSummary("Log in with e-mail and password; returns an access token (1 h) and a refresh token (14 days).")
            .Accepts<LoginRequest>("application/json")
            .Produces<AuthSession>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
