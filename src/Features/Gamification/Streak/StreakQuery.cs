using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.Gamification.Streak;

/// <summary>`GET /gamification/streak/{userId}` (API.md §4.5; ANALYTICS.md §6.3). Readers L: self, students, members (API.md §3.3).</summary>
public sealed record StreakQuery(string UserId)
    : IQuery<AnalyticResult<StreakPayload>>, ISubjectScoped, ICacheableQuery
{
    public SubjectArea Area => SubjectArea.LearnerAnalytics;

    public string SubjectId => UserId;

    public string CacheKey => $"analytics:learner:{UserId}:learner:gamification:streak";

    public CacheCategory Category => CacheCategory.Gamification;

    public bool IsFiltered => false;

    public SnapshotKey? Snapshot => null;
}
