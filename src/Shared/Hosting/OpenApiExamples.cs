using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Analytics.Api.Shared.Hosting;

/// <summary>
/// The request and success examples of the OpenAPI document: answers of the demo instance to the demo users (learner-123,
/// trainer-456, admin-789, org-123), lists cut to two items, kept by operation id in the embedded OpenApiExamples.json
/// (captured with scripts/lib/capture-openapi-examples.mjs).
/// </summary>
public static class OpenApiExamples
{
    private static readonly Lazy<JsonObject> Examples = new(() =>
    {
        using var stream = typeof(OpenApiExamples).Assembly.GetManifestResourceStream("OpenApi.Examples.json")
                           ?? throw new InvalidOperationException("The embedded resource OpenApi.Examples.json is missing.");
        return JsonNode.Parse(stream)!.AsObject();
    });

    private static readonly Dictionary<string, string> DownloadTypes = new()
    {
        ["application/pdf"] = "pdf",
        ["text/csv"] = "csv",
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = "xlsx",
        ["application/json"] = "json",
    };

    public static void Apply(OpenApiOperation operation, string method, string path)
    {
        if (method == "GET" && path == "/api/v1/reports/{reportId}/download")
        {
            DescribeDownload(operation);
        }

        if (operation.OperationId is null || !Examples.Value.TryGetPropertyValue(operation.OperationId, out var entry) || entry is not JsonObject example)
        {
            return;
        }

        if (example["request"] is { } request && operation.RequestBody?.Content is { } requestContent)
        {
            foreach (var media in requestContent.Values)
            {
                media.Example = request.DeepClone();
            }
        }

        if (example["response"] is not { } response || operation.Responses is null)
        {
            return;
        }

        var success = operation.Responses.Where(pair => pair.Key.StartsWith('2')).Select(pair => pair.Value).FirstOrDefault();
        if (success?.Content is null)
        {
            return;
        }

        foreach (var media in success.Content.Where(pair => pair.Key.Contains("json", StringComparison.Ordinal)).Select(pair => pair.Value))
        {
            media.Example = response.DeepClone();
        }
    }

    /// <summary>The download answers with the report's file: one media type per format (API.md §4.7).</summary>
    private static void DescribeDownload(OpenApiOperation operation)
    {
        if (operation.Responses is null || !operation.Responses.TryGetValue("200", out var ok) || ok is not OpenApiResponse response)
        {
            return;
        }

        response.Description = "The report's file, as an attachment named `<title-slug>-<YYYYMMDD>.<ext>`.";
        response.Content = DownloadTypes.ToDictionary(
            pair => pair.Key,
            pair => new OpenApiMediaType
            {
                Schema = pair.Value == "json"
                    ? new OpenApiSchema { Type = JsonSchemaType.Object, Description = "`{report {…metadata}, analytics {\"<id>\": <envelope>}}`" }
                    : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
            });
        response.Headers = new Dictionary<string, IOpenApiHeader>
        {
            ["Content-Disposition"] = new OpenApiHeader
            {
                Description = "`attachment; filename=\"learner-report-john-learner-20261126.csv\"`",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        };
    }
}
