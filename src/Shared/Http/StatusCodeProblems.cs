using Analytics.Api.Shared.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace Analytics.Api.Shared.Http;

/// <summary>Bodiless 404/405/415 from routing become ROUTE_NOT_FOUND / METHOD_NOT_ALLOWED / UNSUPPORTED_MEDIA_TYPE problems (API.md §1.5).</summary>
public static class StatusCodeProblems
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        return http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ProblemWriter.WriteAsync(http, Problems.RouteNotFound()),
            StatusCodes.Status405MethodNotAllowed =>
                ProblemWriter.WriteAsync(http, Problems.MethodNotAllowed(http.Response.Headers.Allow.ToString())),
            StatusCodes.Status415UnsupportedMediaType => ProblemWriter.WriteAsync(http, Problems.UnsupportedMediaType()),
            _ => Task.CompletedTask,
        };
    }
}
