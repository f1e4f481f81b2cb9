using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.OrganisationAnalytics.DepartmentAnalytics;

/// <summary>
/// The stored default view (every department) of `department-analytics` per organisation; stage 2, after the learner snapshots
/// it reads exist in the nightly run.
/// </summary>
public sealed class DepartmentAnalyticsSnapshot
    : HandlerSnapshotAnalytic<DepartmentAnalyticsQuery, DepartmentAnalyticsPayload, DepartmentAnalyticsHandler>
{
    public override string Analytic => DepartmentAnalyticsQuery.Analytic;

    public override string SubjectType => "organisation";

    public override int Stage => 2;

    protected override DepartmentAnalyticsQuery DefaultQuery(string subjectId) => new(subjectId, null);
}
