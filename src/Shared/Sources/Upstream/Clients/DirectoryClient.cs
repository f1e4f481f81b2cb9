using Analytics.Api.Shared.Sources.Upstream.Contracts;

namespace Analytics.Api.Shared.Sources.Upstream.Clients;

/// <summary>Directory (SOURCES.md §3.3): organisations, departments, users, KPIs, skill targets, mentoring.</summary>
public sealed class DirectoryClient(HttpClient http) : UpstreamClient(http, UpstreamServices.Directory)
{
    public Task<UpstreamPage<OrganizationItem>> OrganizationsAsync(PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<OrganizationItem>("organizations", request, cancellationToken);

    public Task<UpstreamPage<DepartmentItem>> DepartmentsAsync(string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<DepartmentItem>(Organisation(organisationId, "departments"), request, cancellationToken);

    public Task<UpstreamPage<UserItem>> UsersAsync(string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<UserItem>(Organisation(organisationId, "users"), request, cancellationToken);

    public Task<UpstreamPage<KpiItem>> KpisAsync(string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<KpiItem>(Organisation(organisationId, "kpis"), request, cancellationToken);

    public Task<UpstreamPage<ValuePropositionItem>> ValuePropositionsAsync(
        string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<ValuePropositionItem>(Organisation(organisationId, "value-propositions"), request, cancellationToken);

    public Task<UpstreamPage<MentoringItem>> MentoringAsync(string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<MentoringItem>(Organisation(organisationId, "mentoring"), request, cancellationToken);
}
