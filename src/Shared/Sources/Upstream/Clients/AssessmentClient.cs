using Analytics.Api.Shared.Sources.Upstream.Contracts;

namespace Analytics.Api.Shared.Sources.Upstream.Clients;

/// <summary>Assessment (SOURCES.md §3.3): assessments and attempts.</summary>
public sealed class AssessmentClient(HttpClient http) : UpstreamClient(http, UpstreamServices.Assessment)
{
    public Task<UpstreamPage<AssessmentItem>> AssessmentsAsync(string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<AssessmentItem>(Organisation(organisationId, "assessments"), request, cancellationToken);

    public Task<UpstreamPage<AttemptItem>> AttemptsAsync(string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<AttemptItem>(Organisation(organisationId, "attempts"), request, cancellationToken);
}
