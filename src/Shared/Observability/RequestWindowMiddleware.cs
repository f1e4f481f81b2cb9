using Analytics.Api.Shared.Auth;

namespace Analytics.Api.Shared.Observability;

/// <summary>
/// Feeds <see cref="RequestWindow"/> with every request's duration, final status and authenticated user. Registered first in
/// the pipeline, so the duration spans all middleware and the user is the one authentication set further in.
/// </summary>
public sealed class RequestWindowMiddleware(RequestDelegate next, RequestWindow window, TimeProvider timeProvider)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = timeProvider.GetTimestamp();
        var failed = true;
        try
        {
            await next(context);
            failed = false;
        }
        finally
        {
            var user = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirst(ClaimNames.Subject)?.Value : null;
            window.RecordRequest(timeProvider.GetElapsedTime(started), failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode, user);
        }
    }
}
