using System.Diagnostics;
using System.Text.Json;

namespace Analytics.Api.Shared.Errors;

/// <summary>Writes problem+json exactly as API.md §1.3 defines it, with `error`/`message` for the app.</summary>
public static class ProblemWriter
{
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    public static async Task WriteAsync(HttpContext context, ApiProblemException problem)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.Clear();
        context.Response.StatusCode = problem.Status;
        context.Response.ContentType = "application/problem+json";
        context.Response.Headers.CacheControl = "no-store";
        foreach (var (name, value) in problem.Headers)
        {
            context.Response.Headers[name] = value;
        }

        var body = Body(problem, context.Request.Path.Value, Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier);
        await JsonSerializer.SerializeAsync(context.Response.Body, body, SerializerOptions, context.RequestAborted);
    }

    /// <summary>The problem+json body of API.md §1.3; also the source of the error examples of the OpenAPI document.</summary>
    public static Dictionary<string, object?> Body(ApiProblemException problem, string? instance, string traceId)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = "/problems/" + problem.Code.ToLowerInvariant().Replace('_', '-'),
            ["title"] = problem.Title,
            ["status"] = problem.Status,
            ["detail"] = problem.Message,
            ["instance"] = instance,
            ["code"] = problem.Code,
            ["error"] = problem.Code,
            ["message"] = problem.Message,
        };
        foreach (var (name, value) in problem.Extensions)
        {
            body[name] = value;
        }

        body["traceId"] = traceId;
        return body;
    }
}
