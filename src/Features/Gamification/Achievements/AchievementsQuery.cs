using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.Gamification.Achievements;

/// <summary>`GET /gamification/achievements/{userId}?status=earned|available|all` (API.md §4.5; ANALYTICS.md §6.2).</summary>
public sealed record AchievementsQuery(string UserId, string? Status)
    : IQuery<AnalyticResult<AchievementsPayload>>, ISubjectScoped, ICacheableQuery
{
    public const string DefaultStatus = "all";

    public SubjectArea Area => SubjectArea.LearnerAnalytics;

    public string SubjectId => UserId;

    public string EffectiveStatus => string.IsNullOrEmpty(Status) ? DefaultStatus : Status;

    public string CacheKey => $"analytics:learner:{UserId}:learner:gamification:achievements:{EffectiveStatus}";

    public CacheCategory Category => CacheCategory.Gamification;

    public bool IsFiltered => EffectiveStatus != DefaultStatus;

    public SnapshotKey? Snapshot => null;
}
