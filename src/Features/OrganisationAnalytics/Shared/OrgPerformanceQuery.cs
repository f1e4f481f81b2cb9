using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>`GET /org-admin/analytics/org-performance/{orgId}` (API.md §4.3; ANALYTICS.md §3.4); no filter parameters.</summary>
public sealed record OrgPerformanceQuery(string OrgId)
    : IQuery<AnalyticResult<OrgPerformancePayload>>, ISubjectScoped, ICacheableQuery
{
    public const string Analytic = "org-performance";

    public SubjectArea Area => SubjectArea.OrganisationAnalytics;

    public string SubjectId => OrgId;

    public string CacheKey => $"analytics:organisation:{OrgId}:org-admin:{Analytic}";

    public CacheCategory Category => CacheCategory.Organisation;

    public bool IsFiltered => false;

    public SnapshotKey? Snapshot => SnapshotKey.Organisation(OrgId, Analytic);
}
