namespace Analytics.Api.Shared.Http;

/// <summary>One rate class of API.md §5: `RateLimits:<class>:Limit` per `RateLimits:<class>:WindowSeconds`.</summary>
public sealed record RateLimitSettings(string Policy, int Limit, int WindowSeconds)
{
    public static RateLimitSettings From(IConfiguration configuration, string policy, int defaultLimit, int defaultWindowSeconds) =>
        new(
            policy,
            configuration.GetValue($"RateLimits:{policy}:Limit", defaultLimit),
            configuration.GetValue($"RateLimits:{policy}:WindowSeconds", defaultWindowSeconds));
}
