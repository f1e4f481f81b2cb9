using System.Text.RegularExpressions;

namespace Analytics.Api.Shared.Http;

/// <summary>Echoes a well-formed inbound X-Request-Id or makes one, and puts it on every log entry of the request (API.md §6.1).</summary>
public sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var inbound = context.Request.Headers[HeaderName].ToString();
        var requestId = IdPattern().IsMatch(inbound) ? inbound : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = requestId;
        // At the start of the response, so answers written after Response.Clear() (problems, 429) carry it too.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = requestId;
            return Task.CompletedTask;
        });
        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = requestId }))
        {
            await next(context);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
