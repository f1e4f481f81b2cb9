using System.Text.Json;
using Analytics.Api.Shared.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Analytics.Api.Shared.Http;

/// <summary>The one place exceptions become problem+json (API.md §1.3); unexpected ones are logged with the trace id and hidden.</summary>
public sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ApiProblemException api => api,
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problems.PayloadTooLarge(RequestLimits.MaxBodyBytes),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => Problems.UnsupportedMediaType(),
            BadHttpRequestException { InnerException: JsonException } => Problems.MalformedRequest("The request body is not valid JSON."),
            BadHttpRequestException bad => Problems.MalformedRequest(bad.Message),
            JsonException => Problems.MalformedRequest("The request body is not valid JSON."),
            NpgsqlException or TimeoutException when IsDatabase(exception) && IsAnalyticsRead(httpContext) =>
                Problems.DataUnavailable("The analytics store is unavailable and nothing cached can answer; try again shortly."),
            NpgsqlException or TimeoutException when IsDatabase(exception) => Problems.ServiceUnavailable("The database is unavailable; try again shortly."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ => null,
        };

        if (problem is null)
        {
            if (httpContext.RequestAborted.IsCancellationRequested)
            {
                return true;
            }

            LogUnhandled(exception, httpContext.Request.Path);
            problem = Problems.Internal();
        }

        await ProblemWriter.WriteAsync(httpContext, problem);
        return true;
    }

    // API.md §1.2: analytics are the learner, trainer, org-admin, compat, comparison, predictive and gamification reads.
    private static readonly string[] AnalyticsPrefixes =
    [
        "/api/v1/learner/analytics", "/api/v1/trainer/analytics", "/api/v1/org-admin/analytics", "/api/v1/analytics/trainer",
        "/api/v1/comparison", "/api/v1/predictive", "/api/v1/gamification",
    ];

    private static bool IsAnalyticsRead(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) && AnalyticsPrefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix));

    private static bool IsDatabase(Exception exception) =>
        exception is NpgsqlException { IsTransient: true } or NpgsqlException { InnerException: System.Net.Sockets.SocketException }
        || exception is TimeoutException;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private partial void LogUnhandled(Exception exception, PathString path);
}
