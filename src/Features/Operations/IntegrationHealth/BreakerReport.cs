namespace Analytics.Api.Features.Operations.IntegrationHealth;

/// <summary>A breaker of this instance: `closed`, `open` or `half-open`, the consecutive failed attempts, when it opened and may probe.</summary>
public sealed record BreakerReport(string State, int FailureCount, DateTimeOffset? OpenedAt, DateTimeOffset? NextAttemptAt);
