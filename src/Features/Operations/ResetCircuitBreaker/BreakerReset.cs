namespace Analytics.Api.Features.Operations.ResetCircuitBreaker;

/// <summary>The answer to a reset: `{upstream, breaker {state: "closed", failureCount: 0, resetAt, resetBy}}`.</summary>
public sealed record BreakerReset(string Upstream, ResetBreakerState Breaker);
