namespace Analytics.Api.Shared.Http;

/// <summary>
/// Security headers of API.md §6.1 on every response (errors, 404 and 429 included); `/docs` gets the CSP its own assets need;
/// HSTS over HTTPS outside Development; no `Server` header whatever the server.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IHostEnvironment environment)
{
    public const string HstsValue = "max-age=31536000; includeSubDomains";

    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";
    private const string DocsPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/docs") ? DocsPolicy : ApiPolicy;
            headers.Remove("Server");
            if (context.Request.IsHttps && !environment.IsDevelopment())
            {
                headers.StrictTransportSecurity = HstsValue;
            }
            if (!headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
