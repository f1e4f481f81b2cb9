using Analytics.Api.Shared.Sources.Upstream.Contracts;

namespace Analytics.Api.Shared.Sources.Upstream.Clients;

/// <summary>Skills Engine (SOURCES.md §3.3): the platform skills catalogue, skill mappings of an organisation's courses, user skills.</summary>
public sealed class SkillsEngineClient(HttpClient http) : UpstreamClient(http, UpstreamServices.SkillsEngine)
{
    public Task<UpstreamPage<SkillItem>> SkillsAsync(PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<SkillItem>("skills", request, cancellationToken);

    /// <summary>The platform listing filtered by `organizationId`, so one organisation's pass reads only its own courses' mappings.</summary>
    public Task<UpstreamPage<SkillMappingItem>> SkillMappingsAsync(string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<SkillMappingItem>("skill-mappings", request with { Filters = [new("organizationId", organisationId), .. request.Filters] }, cancellationToken);

    public Task<UpstreamPage<UserSkillItem>> UserSkillsAsync(string organisationId, PageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync<UserSkillItem>(Organisation(organisationId, "user-skills"), request, cancellationToken);
}
