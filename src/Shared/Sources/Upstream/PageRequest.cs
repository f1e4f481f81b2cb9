namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// The query of one page call: `updatedSince` (inclusive, already moved back by the overlap), the cursor, the page size and
/// any endpoint filter (`from`/`to` of usage/daily, `organizationId` of skill-mappings).
/// </summary>
public sealed record PageRequest(DateTimeOffset? UpdatedSince, string? Cursor, int Limit)
{
    public IReadOnlyList<KeyValuePair<string, string>> Filters { get; init; } = [];
}
