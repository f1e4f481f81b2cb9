namespace Analytics.Api.Shared.Http;

/// <summary>Fixed-window counters of API.md §5: one hit on <c>key</c> under a class's limit and window.</summary>
public interface IRateCounter
{
    ValueTask<RateDecision> HitAsync(string key, RateLimitSettings settings, CancellationToken cancellationToken);
}
