using Analytics.Api.Features.Comparison.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.Comparison.PeerComparison;

/// <summary>
/// The stored `peer-comparison` of a trainer cohort (subject type trainer-cohort, after the trainer analytics it reads). Refresh
/// jobs recompute it; the nightly run walks only learner, trainer and organisation subjects, so it is not part of that pass.
/// </summary>
public sealed class TrainerCohortPeerComparisonSnapshot
    : HandlerSnapshotAnalytic<PeerComparisonQuery, PeerComparisonPayload, PeerComparisonHandler>
{
    public override string Analytic => PeerComparisonQuery.Analytic;

    public override string SubjectType => CohortSubjects.TrainerCohort;

    public override int Stage => 2;

    protected override PeerComparisonQuery DefaultQuery(string subjectId) => new(subjectId, null, CohortSubjects.TrainerCohort);
}
