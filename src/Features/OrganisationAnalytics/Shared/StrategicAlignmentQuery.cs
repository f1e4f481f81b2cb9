using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>
/// `GET /org-admin/analytics/strategic-alignment/{orgId}?departmentId=` (API.md §4.3; ANALYTICS.md §3.2). Without a department
/// the employees are every learner of the organisation; with one, that department's learners (fewer than k: suppressed).
/// </summary>
public sealed record StrategicAlignmentQuery(string OrgId, string? DepartmentId)
    : IQuery<AnalyticResult<StrategicAlignmentPayload>>, ISubjectScoped, ICacheableQuery
{
    public const string Analytic = "strategic-alignment";

    public SubjectArea Area => SubjectArea.OrganisationAnalytics;

    public string SubjectId => OrgId;

    public string CacheKey =>
        $"analytics:organisation:{OrgId}:org-admin:{Analytic}{(DepartmentId is null ? string.Empty : ":department=" + DepartmentId)}";

    public CacheCategory Category => CacheCategory.Organisation;

    public bool IsFiltered => DepartmentId is not null;

    public SnapshotKey? Snapshot => IsFiltered ? null : SnapshotKey.Organisation(OrgId, Analytic);
}
