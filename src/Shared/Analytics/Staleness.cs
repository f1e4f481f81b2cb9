namespace Analytics.Api.Shared.Analytics;

/// <summary>Staleness threshold (`Analytics:StalenessHours`, 6 h; PRODUCT.md decision 8), judged at read time.</summary>
public sealed class Staleness(IConfiguration configuration)
{
    public TimeSpan Threshold { get; } = TimeSpan.FromHours(configuration.GetValue("Analytics:StalenessHours", 6.0));

    public DateTimeOffset ExpiresAt(DateTimeOffset computedAt) => computedAt + Threshold;

    public bool IsStale(DateTimeOffset computedAt, DateTimeOffset now) => now > ExpiresAt(computedAt);
}
