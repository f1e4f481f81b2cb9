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

    private static bool IsDatabase(Exception exception) =>
        exception is NpgsqlException { IsTransient: true } or NpgsqlException { InnerException: System.Net.Sockets.SocketException }
        || exception is TimeoutException;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private partial void LogUnhandled(Exception exception, PathString path);
}
