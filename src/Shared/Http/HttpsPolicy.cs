using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Analytics.Api.Shared.Http;

/// <summary>
/// Whether plain-HTTP requests are redirected to HTTPS (API.md §6.1): `Http:RequireHttps` when set; otherwise outside
/// Development unless every address the server listens on is loopback (a local run, a bench, a test host). Decided once, at the
/// first request, from the addresses the server bound. Behind a TLS-terminating proxy the request counts as HTTPS when a
/// proxy of `ForwardedHeaders:KnownProxies` says so with `X-Forwarded-Proto`.
/// </summary>
public sealed class HttpsPolicy(IConfiguration configuration, IHostEnvironment environment, IServer server)
{
    private bool? _redirect;

    public bool Redirect => _redirect ??= Decide();

    public static bool AllLoopback(IEnumerable<string> addresses) => addresses.All(IsLoopback);

    private bool Decide()
    {
        if (configuration.GetValue<bool?>("Http:RequireHttps") is { } configured)
        {
            return configured;
        }

        return !environment.IsDevelopment()
               && !AllLoopback(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
    }

    private static bool IsLoopback(string address)
    {
        var start = address.IndexOf("://", StringComparison.Ordinal);
        var host = start < 0 ? address : address[(start + 3)..];
        host = host.Split('/')[0];
        if (host.StartsWith('['))
        {
            host = host[1..host.IndexOf(']', StringComparison.Ordinal)];
        }
        else if (host.LastIndexOf(':') is var colon and > 0)
        {
            host = host[..colon];
        }

        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
               || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
