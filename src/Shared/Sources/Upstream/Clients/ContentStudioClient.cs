using Analytics.Api.Shared.Sources.Upstream.Contracts;

namespace Analytics.Api.Shared.Sources.Upstream.Clients;

/// <summary>Content Studio (SOURCES.md §3.3): content items, daily usage (read by date window too), contributions.</summary>
public sealed class ContentStudioClient(HttpClient http) : UpstreamClient(http, UpstreamServices.ContentStudio)
{
    public Task<UpstreamPage<ContentItem>> ContentAsync(string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<ContentItem>(Organisation(organisationId, "content"), request, cancellationToken);

    public Task<UpstreamPage<DailyUsageItem>> DailyUsageAsync(string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<DailyUsageItem>(Organisation(organisationId, "usage/daily"), request, cancellationToken);

    public Task<UpstreamPage<ContributionItem>> ContributionsAsync(string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<ContributionItem>(Organisation(organisationId, "contributions"), request, cancellationToken);
}
