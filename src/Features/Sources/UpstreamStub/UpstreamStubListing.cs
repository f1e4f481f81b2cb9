using Analytics.Api.Shared.Sources.Upstream;

namespace Analytics.Api.Features.Sources.UpstreamStub;

/// <summary>
/// One listing of the stub: the service, its path below `/api/v1/` (the typed client's path, `{organizationId}` for the
/// organisation), the embedded statement that reads the store backwards into the item, and the contract DTO of the item.
/// </summary>
public sealed record UpstreamStubListing(UpstreamService Service, string Path, string Query, Type ItemType)
{
    public UpstreamStubScope Scope => Path.Contains("{organizationId}", StringComparison.Ordinal)
        ? UpstreamStubScope.Organisation
        : UpstreamStubScope.Platform;

    /// <summary>`from`/`to` (inclusive local days) filter this listing.</summary>
    public bool DayWindow { get; init; }

    /// <summary>An optional `organizationId` query parameter narrows this platform listing to one organisation.</summary>
    public bool OrganisationFilter { get; init; }

    /// <summary>The route the stub serves: `/{service}/api/v1/{path}`.</summary>
    public string Route => $"/{Service.Name}/api/v1/{Path}";
}
