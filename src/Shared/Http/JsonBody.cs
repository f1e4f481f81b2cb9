using System.Text.Json;
using Analytics.Api.Shared.Errors;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Shared.Http;

/// <summary>
/// Reads a JSON request body with the errors of API.md §1.5 and §6.3: 400 MALFORMED_REQUEST for invalid JSON, a non-object root or
/// nesting deeper than 32. Size (413) and media type (415) are checked once for every request by
/// <see cref="RequestBodyLimitMiddleware"/> before authentication, so the body read here is at most 64 KiB and JSON unless blank.
/// </summary>
public static class JsonBody
{
    public static async Task<T?> ReadOptionalAsync<T>(HttpRequest request)
        where T : class
    {
        if (request.ContentLength == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var body = buffer.ToArray();
        return IsBlank(body) ? null : Deserialize<T>(request, body);
    }

    public static async Task<T> ReadRequiredAsync<T>(HttpRequest request)
        where T : class =>
        await ReadOptionalAsync<T>(request) ?? throw Problems.MalformedRequest("A JSON object body is required.");

    /// <summary>`application/json` (charset optional) or a `+json` type (API.md §6.3).</summary>
    public static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Split(';')[0].Trim().EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>Empty or only JSON whitespace: no body as far as API.md §6.3 goes.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static T Deserialize<T>(HttpRequest request, byte[] body)
        where T : class
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            using (var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = RequestLimits.MaxJsonDepth }))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw Problems.MalformedRequest("The request body must be a JSON object.");
                }
            }

            return JsonSerializer.Deserialize<T>(body, options) ?? throw Problems.MalformedRequest("A JSON object body is required.");
        }
        catch (JsonException)
        {
            throw Problems.MalformedRequest("The request body is not valid JSON, or nests deeper than 32 levels.");
        }
    }
}
