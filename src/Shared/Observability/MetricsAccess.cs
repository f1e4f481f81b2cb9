using System.Net;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Errors;

namespace Analytics.Api.Shared.Observability;

/// <summary>`/metrics` is open to `Metrics:AllowedNetworks` (default loopback and private ranges) or a platform-admin token (API.md §4.10).</summary>
public sealed class MetricsAccess(RequestDelegate next, IConfiguration configuration)
{
    private static readonly string[] DefaultNetworks = ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"];

    private readonly IPNetwork[] _allowed = (configuration.GetSection("Metrics:AllowedNetworks").Get<string[]>() ?? DefaultNetworks)
        .Select(IPNetwork.Parse).ToArray();

    public async Task InvokeAsync(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is { IsIPv4MappedToIPv6: true })
        {
            address = address.MapToIPv4();
        }

        var fromAllowedNetwork = address is not null && _allowed.Any(network => network.Contains(address));
        var isPlatformAdmin = context.User.FindAll(ClaimNames.Roles).Any(c => c.Value == Roles.PlatformAdmin);
        if (!fromAllowedNetwork && !isPlatformAdmin)
        {
            await ProblemWriter.WriteAsync(context, Problems.AccessDenied());
            return;
        }

        await next(context);
    }
}
