using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.OrganisationAnalytics.StrategicAlignment;

/// <summary>
/// The stored default view (no department) of `strategic-alignment` per organisation, recomputed by refresh jobs and in stage 2
/// of the nightly run, after the learner and trainer analytics.
/// </summary>
public sealed class StrategicAlignmentSnapshot
    : HandlerSnapshotAnalytic<StrategicAlignmentQuery, StrategicAlignmentPayload, StrategicAlignmentHandler>
{
    public override string Analytic => StrategicAlignmentQuery.Analytic;

    public override string SubjectType => "organisation";

    public override int Stage => 2;

    protected override StrategicAlignmentQuery DefaultQuery(string subjectId) => new(subjectId, null);
}
