namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.organisations as the sync writes it (DATA_MODEL.md §1.1, without source and synced_at).</summary>
public readonly record struct OrganisationRecord(string Id, string Name, string TimeZone, System.Text.Json.Nodes.JsonObject Settings);
