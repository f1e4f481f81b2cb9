using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Http;
using Analytics.Api.Shared.Observability;
using Carter;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Analytics.Api.Shared.Hosting;

/// <summary>The middleware order of API.md §1.6 and the system endpoints of §4.10.</summary>
public static class AnalyticsPipeline
{
    public static WebApplication UseAnalytics(this WebApplication app)
    {
        // API.md §5: the client address (and scheme) behind a known proxy, before anything reads them.
        app.UseForwardedHeaders();
        app.UseMiddleware<RequestWindowMiddleware>();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api/v1/auth"),
            branch => branch.UseResponseCompression());
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
        app.UseAnalyticsTransport();
        app.UseRouting();
        app.UseCors();
        // API.md §1.6 step 2 (413/415) before authentication; the `token` class's key needs the checked body.
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<RefreshTokenOwnerMiddleware>();
        app.UseAuthentication();
        // API.md §1.6: the rate limit (4) comes after authentication (3) and before the active role (5).
        app.UseRateLimitPolicyHeaders();
        app.UseRateLimiter();
        app.UseMiddleware<ActiveRoleMiddleware>();
        app.UseAuthorization();

        app.MapCarter();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapApiDocs();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/metrics"),
            branch => branch.UseMiddleware<MetricsAccess>());
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
