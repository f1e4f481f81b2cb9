using Analytics.Api.Shared.Sources.Upstream.Contracts;

namespace Analytics.Api.Shared.Sources.Upstream.Clients;

/// <summary>DevLab (SOURCES.md §3.3): practice sessions.</summary>
public sealed class DevLabClient(HttpClient http) : UpstreamClient(http, UpstreamServices.DevLab)
{
    public Task<UpstreamPage<PracticeSessionItem>> PracticeSessionsAsync(
        string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<PracticeSessionItem>(Organisation(organisationId, "practice-sessions"), request, cancellationToken);
}
