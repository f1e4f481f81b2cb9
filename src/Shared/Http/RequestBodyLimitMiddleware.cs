using Analytics.Api.Shared.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Analytics.Api.Shared.Http;

/// <summary>
/// Step 2 of API.md §1.6 for every endpoint, before authentication, and the only place these rules live: a body above 64 KiB is
/// 413 `PAYLOAD_TOO_LARGE` (by its `Content-Length`, or while reading a chunked body without one); a body that is not blank and
/// not JSON is 415 (a blank body is accepted whatever its type: logout's optional body, API.md §2.2). Every body is buffered (at
/// most 64 KiB), so endpoints (<see cref="JsonBody"/>) read a checked body of known length.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
        }

        if (request.ContentLength > RequestLimits.MaxBodyBytes)
        {
            throw Problems.PayloadTooLarge(RequestLimits.MaxBodyBytes);
        }

        if (request.ContentLength > 0 || (request.ContentLength is null && HasBody(context)))
        {
            await BufferAsync(request);
        }

        await next(context);
    }

    private static bool HasBody(HttpContext context) =>
        context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true
        || context.Request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase);

    private static async Task BufferAsync(HttpRequest request)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (buffer.Length + read > RequestLimits.MaxBodyBytes)
                {
                    throw Problems.PayloadTooLarge(RequestLimits.MaxBodyBytes);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException bad) when (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw Problems.PayloadTooLarge(RequestLimits.MaxBodyBytes);
        }

        if (!JsonBody.IsBlank(buffer.ToArray()) && !JsonBody.IsJson(request.ContentType))
        {
            throw Problems.UnsupportedMediaType();
        }

        buffer.Position = 0;
        request.Body = buffer;
        request.ContentLength = buffer.Length;
        request.HttpContext.Response.RegisterForDispose(buffer);
    }
}
