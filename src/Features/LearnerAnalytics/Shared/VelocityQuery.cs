using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>`GET /learner/analytics/velocity/{userId}?window=` (API.md §4.1; ANALYTICS.md §1.1).</summary>
public sealed record VelocityQuery(string UserId, string? Window)
    : IQuery<AnalyticResult<VelocityPayload>>, ISubjectScoped, ICacheableQuery
{
    public const string DefaultWindow = "30d";

    public SubjectArea Area => SubjectArea.LearnerAnalytics;

    public string SubjectId => UserId;

    public string EffectiveWindow => string.IsNullOrEmpty(Window) ? DefaultWindow : Window;

    public string CacheKey => $"analytics:learner:{UserId}:learner:velocity:{EffectiveWindow}";

    public CacheCategory Category => CacheCategory.Learner;

    public bool IsFiltered => EffectiveWindow != DefaultWindow;

    public SnapshotKey? Snapshot => IsFiltered ? null : SnapshotKey.Learner(UserId, "velocity");
}
