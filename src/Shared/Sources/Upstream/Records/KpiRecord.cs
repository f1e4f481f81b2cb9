namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.kpis (DATA_MODEL.md §1.4).</summary>
public readonly record struct KpiRecord(
    string Id,
    string OrganisationId,
    string Name,
    string? Unit,
    decimal Target,
    decimal? Value,
    decimal Weight,
    string Period);
