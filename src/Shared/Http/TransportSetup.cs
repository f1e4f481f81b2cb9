using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Analytics.Api.Shared.Http;

/// <summary>
/// Proxies and HTTPS (API.md §5 last paragraph, §6.1): `X-Forwarded-For` / `X-Forwarded-Proto` are honoured only from the
/// addresses of `ForwardedHeaders:KnownProxies` (none by default, not even loopback), walking the chain from the right to the
/// first untrusted hop, which becomes the client address; plain HTTP is redirected (308) when <see cref="HttpsPolicy"/> says so,
/// except the probes `/health/*` and `/metrics`.
/// </summary>
public static class TransportSetup
{
    public static IServiceCollection AddAnalyticsTransport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = null;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                    ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies holds '{proxy}', which is not an IP address."));
            }
        });
        services.AddHttpsRedirection(options =>
        {
            options.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            options.HttpsPort = configuration.GetValue<int?>("Http:HttpsPort");
        });
        services.AddSingleton<HttpsPolicy>();
        return services;
    }

    public static IApplicationBuilder UseAnalyticsTransport(this IApplicationBuilder app)
    {
        var policy = app.ApplicationServices.GetRequiredService<HttpsPolicy>();
        app.UseWhen(
            context => !context.Request.IsHttps
                       && !context.Request.Path.StartsWithSegments("/health")
                       && !context.Request.Path.StartsWithSegments("/metrics")
                       && policy.Redirect,
            branch => branch.UseHttpsRedirection());
        return app;
    }
}
