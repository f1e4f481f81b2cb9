using Analytics.Api.Shared.Sources.Upstream.Contracts;

namespace Analytics.Api.Shared.Sources.Upstream.Clients;

/// <summary>Auth (SOURCES.md §3.3): login sessions of an organisation.</summary>
public sealed class AuthClient(HttpClient http) : UpstreamClient(http, UpstreamServices.Auth)
{
    public Task<UpstreamPage<SessionItem>> SessionsAsync(string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<SessionItem>(Organisation(organisationId, "sessions"), request, cancellationToken);
}
