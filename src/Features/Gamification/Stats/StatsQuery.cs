using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.Gamification.Stats;

/// <summary>`GET /gamification/stats/{userId}` (API.md §4.5; ANALYTICS.md §6.4 "Stats endpoint").</summary>
public sealed record StatsQuery(string UserId)
    : IQuery<AnalyticResult<StatsPayload>>, ISubjectScoped, ICacheableQuery
{
    public SubjectArea Area => SubjectArea.LearnerAnalytics;

    public string SubjectId => UserId;

    public string CacheKey => $"analytics:learner:{UserId}:learner:gamification:stats";

    public CacheCategory Category => CacheCategory.Gamification;

    public bool IsFiltered => false;

    public SnapshotKey? Snapshot => null;
}
