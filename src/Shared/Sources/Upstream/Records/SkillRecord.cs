namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.skills (DATA_MODEL.md §1.4), the platform catalogue.</summary>
public readonly record struct SkillRecord(string Id, string Name, string? Category, short? MarketDemand);
