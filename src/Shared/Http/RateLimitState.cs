namespace Analytics.Api.Shared.Http;

/// <summary>What the limiter decided for one request, kept in <c>HttpContext.Items</c> for the RateLimit headers and the 429 body.</summary>
public sealed record RateLimitState(RateLimitSettings Settings, RateDecision? Decision)
{
    public const string ItemKey = "analytics.rate-limit";
}
