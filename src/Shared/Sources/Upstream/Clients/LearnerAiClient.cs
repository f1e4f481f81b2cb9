using Analytics.Api.Shared.Sources.Upstream.Contracts;

namespace Analytics.Api.Shared.Sources.Upstream.Clients;

/// <summary>Learner AI (SOURCES.md §3.3): learning paths and recommendation sets.</summary>
public sealed class LearnerAiClient(HttpClient http) : UpstreamClient(http, UpstreamServices.LearnerAi)
{
    public Task<UpstreamPage<LearningPathItem>> LearningPathsAsync(string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<LearningPathItem>(Organisation(organisationId, "learning-paths"), request, cancellationToken);

    public Task<UpstreamPage<RecommendationSetItem>> RecommendationsAsync(
        string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<RecommendationSetItem>(Organisation(organisationId, "recommendations"), request, cancellationToken);
}
