using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>`GET /org-admin/analytics/learning-culture/{orgId}?departmentId=` (API.md §4.3; ANALYTICS.md §3.3).</summary>
public sealed record LearningCultureQuery(string OrganisationId, string? DepartmentId)
    : IQuery<AnalyticResult<LearningCulturePayload>>, ISubjectScoped, ICacheableQuery
{
    public const string Analytic = "learning-culture";

    public SubjectArea Area => SubjectArea.OrganisationAnalytics;

    public string SubjectId => OrganisationId;

    public string CacheKey =>
        $"analytics:organisation:{OrganisationId}:org-admin:{Analytic}{(DepartmentId is null ? string.Empty : ":department=" + DepartmentId)}";

    public CacheCategory Category => CacheCategory.Organisation;

    public bool IsFiltered => DepartmentId is not null;

    public SnapshotKey? Snapshot => IsFiltered ? null : SnapshotKey.Organisation(OrganisationId, Analytic);
}
