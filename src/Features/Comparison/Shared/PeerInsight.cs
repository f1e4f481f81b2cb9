namespace Analytics.Api.Features.Comparison.Shared;

/// <summary>`insights[]`: `strength` (best metric at percentile ≥ 75) or `opportunity` (worst at ≤ 25).</summary>
public sealed record PeerInsight(string Type, string Message);
