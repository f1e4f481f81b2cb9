using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>`GET /learner/analytics/mastery/{userId}?pathId=` (API.md §4.1; ANALYTICS.md §1.4).</summary>
public sealed record MasteryQuery(string UserId, string? PathId)
    : IQuery<AnalyticResult<MasteryPayload>>, ISubjectScoped, ICacheableQuery
{
    public SubjectArea Area => SubjectArea.LearnerAnalytics;

    public string SubjectId => UserId;

    /// <summary>The learning path the read is limited to; an empty value means every path.</summary>
    public string? EffectivePathId => string.IsNullOrEmpty(PathId) ? null : PathId;

    public string CacheKey => $"analytics:learner:{UserId}:learner:mastery" + (EffectivePathId is { } path ? ":pathId=" + path : string.Empty);

    public CacheCategory Category => CacheCategory.Learner;

    public bool IsFiltered => EffectivePathId is not null;

    public SnapshotKey? Snapshot => IsFiltered ? null : SnapshotKey.Learner(UserId, "mastery");
}
