namespace Analytics.Api.Features.Operations.ResetCircuitBreaker;

/// <summary>The breaker after a reset.</summary>
public sealed record ResetBreakerState(string State, int FailureCount, DateTimeOffset ResetAt, string ResetBy);
