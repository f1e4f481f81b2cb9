namespace Analytics.Api.Shared.Analytics;

/// <summary>
/// Memory-cache lifetime per category (ANALYTICS.md §0.7), configurable as `Analytics:Cache:<Category>` (a TimeSpan).
/// Results of non-default filter parameters live 5 minutes (API.md §4).
/// </summary>
public sealed class CacheLifetimes
{
    public static readonly TimeSpan Filtered = TimeSpan.FromMinutes(5);

    private static readonly IReadOnlyDictionary<CacheCategory, TimeSpan> Defaults = new Dictionary<CacheCategory, TimeSpan>
    {
        [CacheCategory.Learner] = TimeSpan.FromHours(4),
        [CacheCategory.Trainer] = TimeSpan.FromHours(2),
        [CacheCategory.Organisation] = TimeSpan.FromHours(6),
        [CacheCategory.Comparison] = TimeSpan.FromHours(4),
        [CacheCategory.SkillDemand] = TimeSpan.FromHours(24),
        [CacheCategory.Predictive] = TimeSpan.FromHours(48),
        [CacheCategory.Recommendations] = TimeSpan.FromMinutes(15),
        [CacheCategory.Gamification] = TimeSpan.FromHours(1),
    };

    private readonly Dictionary<CacheCategory, TimeSpan> _lifetimes;

    public CacheLifetimes(IConfiguration configuration)
    {
        _lifetimes = Defaults.ToDictionary(
            pair => pair.Key,
            pair => configuration.GetValue<TimeSpan?>($"Analytics:Cache:{pair.Key}") ?? pair.Value);
    }

    public TimeSpan For(CacheCategory category) => _lifetimes[category];
}
