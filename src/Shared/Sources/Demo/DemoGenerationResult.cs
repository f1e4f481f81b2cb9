namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>What a generation run wrote: row counts per table and the content hash that tests pin.</summary>
public sealed record DemoGenerationResult(IReadOnlyDictionary<string, long> RowCounts, string ContentHash, TimeSpan Elapsed);
