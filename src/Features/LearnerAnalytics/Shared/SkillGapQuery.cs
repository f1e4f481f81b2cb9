using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>`GET /learner/analytics/skill-gap/{userId}?category=&amp;criticalOnly=` (API.md §4.1; ANALYTICS.md §1.2).</summary>
public sealed record SkillGapQuery(string UserId, string? Category, string? CriticalOnly)
    : IQuery<AnalyticResult<SkillGapPayload>>, ISubjectScoped, ICacheableQuery
{
    public SubjectArea Area => SubjectArea.LearnerAnalytics;

    public string SubjectId => UserId;

    /// <summary>The category filter; an empty value means no filter.</summary>
    public string? EffectiveCategory => string.IsNullOrEmpty(Category) ? null : Category;

    /// <summary>`criticalOnly` as a boolean (API.md §1.1: `true`/`false`, case-insensitive; default false).</summary>
    public bool EffectiveCriticalOnly => string.Equals(CriticalOnly, "true", StringComparison.OrdinalIgnoreCase);

    public string CacheKey =>
        "analytics:learner:" + UserId + ":learner:skill-gap"
        + (EffectiveCategory is { } category ? ":category=" + Uri.EscapeDataString(category) : string.Empty)
        + (EffectiveCriticalOnly ? ":criticalOnly" : string.Empty);

    // Explicit: `Category` is the query's skill-category filter (the HTTP parameter's name).
    CacheCategory ICacheableQuery.Category => CacheCategory.Learner;

    public bool IsFiltered => EffectiveCategory is not null || EffectiveCriticalOnly;

    public SnapshotKey? Snapshot => IsFiltered ? null : SnapshotKey.Learner(UserId, "skill-gap");
}
