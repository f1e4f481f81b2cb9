using Scalar.AspNetCore;

namespace Analytics.Api.Shared.Hosting;

/// <summary>
/// `/docs`: the Scalar reference over `/openapi/v1.json`. The page is our own static HTML with no inline script, so the
/// strict docs CSP of API.md §6.1 (`script-src 'self'`) holds; Scalar serves its bundled assets under `/docs/assets`. Its
/// default web fonts (fonts.scalar.com) are switched off: the CSP would block them, so the page uses the system fonts.
/// </summary>
public static class ApiDocs
{
    public const string AssetsPrefix = "/docs/assets";

    private const string Page = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>Learning Analytics API</title>
        </head>
        <body>
          <script id="api-reference" data-url="/openapi/v1.json" data-configuration='{"withDefaultFonts":false}'></script>
          <script src="/docs/assets/scalar.js"></script>
        </body>
        </html>
        """;

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Docs:Enabled", true))
        {
            return app;
        }

        app.MapScalarApiReference(AssetsPrefix, scalar => scalar
            .WithTitle("Learning Analytics API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapGet("/docs", () => TypedResults.Content(Page, "text/html; charset=utf-8"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
