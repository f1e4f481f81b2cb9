using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>
/// `GET /org-admin/analytics/department-analytics/{orgId}?department=` (alias `departmentId`; API.md §4.3, ANALYTICS.md §3.5):
/// one department, or every department with at least k members.
/// </summary>
public sealed record DepartmentAnalyticsQuery(string OrganisationId, string? Department, string? DepartmentId = null)
    : IQuery<AnalyticResult<DepartmentAnalyticsPayload>>, ISubjectScoped, ICacheableQuery
{
    public const string Analytic = "department-analytics";

    public SubjectArea Area => SubjectArea.OrganisationAnalytics;

    public string SubjectId => OrganisationId;

    /// <summary>`department`, else its alias `departmentId`; the validator rejects two different values.</summary>
    public string? EffectiveDepartment => Department ?? DepartmentId;

    public string CacheKey =>
        $"analytics:organisation:{OrganisationId}:org-admin:{Analytic}"
        + (EffectiveDepartment is null ? string.Empty : $":department:{EffectiveDepartment}");

    public CacheCategory Category => CacheCategory.Organisation;

    public bool IsFiltered => EffectiveDepartment is not null;

    public SnapshotKey? Snapshot => IsFiltered ? null : SnapshotKey.Organisation(OrganisationId, Analytic);
}
