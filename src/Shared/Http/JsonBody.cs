using System.Text.Json;
using Analytics.Api.Shared.Errors;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Shared.Http;

/// <summary>
/// Reads a JSON request body with the errors of API.md §1.5 and §6.3: 415 for a non-empty body that is not JSON, 400
/// MALFORMED_REQUEST for invalid JSON, a non-object root or nesting deeper than 32, 413 above 64 KiB.
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
        await CopyLimitedAsync(request, buffer);
        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            return null;
        }

        if (!IsJson(request.ContentType))
        {
            throw Problems.UnsupportedMediaType();
        }

        return Deserialize<T>(request, buffer.ToArray());
    }

    public static async Task<T> ReadRequiredAsync<T>(HttpRequest request)
        where T : class
    {
        if (request.ContentLength > 0 && !IsJson(request.ContentType))
        {
            throw Problems.UnsupportedMediaType();
        }

        return await ReadOptionalAsync<T>(request) ?? throw Problems.MalformedRequest("A JSON object body is required.");
    }

    /// <summary>`application/json` (charset optional) or a `+json` type (API.md §6.3).</summary>
    public static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Split(';')[0].Trim().EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static async Task CopyLimitedAsync(HttpRequest request, MemoryStream buffer)
    {
        if (request.ContentLength > RequestLimits.MaxBodyBytes)
        {
            throw Problems.PayloadTooLarge(RequestLimits.MaxBodyBytes);
        }

        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > RequestLimits.MaxBodyBytes)
            {
                throw Problems.PayloadTooLarge(RequestLimits.MaxBodyBytes);
            }

            buffer.Write(chunk, 0, read);
        }
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
