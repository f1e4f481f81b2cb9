using System.Globalization;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// `GET /predictive/recommendations/{id}?limit=` (API.md §4.4; ANALYTICS.md §5.3). <paramref name="SubjectType"/> is what the id
/// means for the caller (<see cref="CohortSubjects.Resolve"/>: learner, trainer-cohort or org-cohort), resolved by the endpoint;
/// it is part of the cache key. `limit` is 1–50, default `Recommendations:MaxItems` (10).
/// </summary>
public sealed record RecommendationsQuery(string Id, string? Limit, string SubjectType)
    : IQuery<AnalyticResult<RecommendationsPayload>>, ISubjectScoped, ICacheableQuery
{
    public const string Analytic = "recommendations";
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;

    public SubjectArea Area => SubjectArea.PersonOrCohort;

    public string SubjectId => Id;

    /// <summary>The number of items asked for; null = the configured maximum (`Recommendations:MaxItems`).</summary>
    public int? RequestedLimit =>
        int.TryParse(Limit, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : null;

    public string RoleFamily => RoleFamilies.FamilyOf(SubjectType);

    public string CacheKey =>
        RequestedLimit is { } limit
            ? string.Create(CultureInfo.InvariantCulture, $"analytics:{SubjectType}:{Id}:{RoleFamily}:{Analytic}:limit={limit}")
            : $"analytics:{SubjectType}:{Id}:{RoleFamily}:{Analytic}";

    /// <summary>ANALYTICS.md §0.7: recommendations · 15 min, built on read from the subject's snapshots.</summary>
    public CacheCategory Category => CacheCategory.Recommendations;

    public bool IsFiltered => RequestedLimit is not null;

    /// <summary>
    /// Built on read (ANALYTICS.md §0.7 #19): no stored view of its own, so a read never serves recommendations older than the
    /// memory lifetime, and every computation issues its items to the feed.
    /// </summary>
    public SnapshotKey? Snapshot => null;
}
