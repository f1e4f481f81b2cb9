namespace Analytics.Api.Shared.Freshness;

/// <summary>A queued or running refresh of a subject, as every instance knows it (`meta.refreshing`, `meta.refreshJobId`).</summary>
public sealed record ActiveRefresh(string JobId, string Status, IReadOnlyList<string> Analytics);
