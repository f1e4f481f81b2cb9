using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.OrganisationAnalytics.OrgPerformance;

/// <summary>
/// The stored view of `org-performance` per organisation, recomputed by refresh jobs and in stage 2 of the nightly run, after the
/// learner analytics whose engagement snapshots it reads; the other organisations' snapshots are its platform benchmark.
/// </summary>
public sealed class OrgPerformanceSnapshot : HandlerSnapshotAnalytic<OrgPerformanceQuery, OrgPerformancePayload, OrgPerformanceHandler>
{
    public override string Analytic => OrgPerformanceQuery.Analytic;

    public override string SubjectType => "organisation";

    public override int Stage => 2;

    protected override OrgPerformanceQuery DefaultQuery(string subjectId) => new(subjectId);
}
