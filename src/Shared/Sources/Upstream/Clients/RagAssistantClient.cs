using Analytics.Api.Shared.Sources.Upstream.Contracts;

namespace Analytics.Api.Shared.Sources.Upstream.Clients;

/// <summary>RAG Assistant (SOURCES.md §3.3): help requests (metadata only).</summary>
public sealed class RagAssistantClient(HttpClient http) : UpstreamClient(http, UpstreamServices.RagAssistant)
{
    public Task<UpstreamPage<HelpRequestItem>> HelpRequestsAsync(string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<HelpRequestItem>(Organisation(organisationId, "help-requests"), request, cancellationToken);
}
