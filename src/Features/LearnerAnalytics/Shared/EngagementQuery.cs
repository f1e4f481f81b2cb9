using System.Globalization;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>`GET /learner/analytics/engagement/{userId}?windowDays=` (API.md §4.1; ANALYTICS.md §1.3).</summary>
/// <remarks>`windowDays` stays text until validation so a non-number is a VALIDATION_ERROR naming it, not a binding failure.</remarks>
public sealed record EngagementQuery(string UserId, string? WindowDays)
    : IQuery<AnalyticResult<EngagementPayload>>, ISubjectScoped, ICacheableQuery
{
    public const int DefaultWindowDays = 14;
    public const int MinWindowDays = 7;
    public const int MaxWindowDays = 90;

    public SubjectArea Area => SubjectArea.LearnerAnalytics;

    public string SubjectId => UserId;

    public int EffectiveWindowDays =>
        int.TryParse(WindowDays, NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : DefaultWindowDays;

    public string CacheKey => IsFiltered
        ? $"analytics:learner:{UserId}:learner:engagement:windowDays={EffectiveWindowDays}"
        : $"analytics:learner:{UserId}:learner:engagement";

    public CacheCategory Category => CacheCategory.Learner;

    public bool IsFiltered => EffectiveWindowDays != DefaultWindowDays;

    public SnapshotKey? Snapshot => IsFiltered ? null : SnapshotKey.Learner(UserId, "engagement");
}
