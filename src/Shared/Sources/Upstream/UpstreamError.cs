namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>The `lastError` of the integration health (API.md §4.9).</summary>
public sealed record UpstreamError(string Code, string Message, DateTimeOffset At);
