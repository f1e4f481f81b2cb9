using Analytics.Api.Features.Comparison.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.Comparison.PeerComparison;

/// <summary>
/// The stored `peer-comparison` of an organisation cohort (subject type org-cohort, after the organisation analytics it reads).
/// Refresh jobs recompute it; the nightly run walks only learner, trainer and organisation subjects, so it is not part of that pass.
/// </summary>
public sealed class OrganisationCohortPeerComparisonSnapshot
    : HandlerSnapshotAnalytic<PeerComparisonQuery, PeerComparisonPayload, PeerComparisonHandler>
{
    public override string Analytic => PeerComparisonQuery.Analytic;

    public override string SubjectType => CohortSubjects.OrganisationCohort;

    public override int Stage => 3;

    protected override PeerComparisonQuery DefaultQuery(string subjectId) => new(subjectId, null, CohortSubjects.OrganisationCohort);
}
