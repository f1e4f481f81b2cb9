using Analytics.Api.Features.Comparison.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.Comparison.PeerComparison;

/// <summary>
/// The stored default view (organisation scope) of `peer-comparison` per learner: after the learner analytics (stage 0) whose
/// snapshots it reads. One handler serves a nightly chunk, so the organisation's group is read once per chunk; it compares
/// with the learner snapshots as stored (on a store's very first run, the chunks not computed yet are missing from the group
/// until the next refresh).
/// </summary>
public sealed class PeerComparisonSnapshot : HandlerSnapshotAnalytic<PeerComparisonQuery, PeerComparisonPayload, PeerComparisonHandler>
{
    public override string Analytic => PeerComparisonQuery.Analytic;

    public override string SubjectType => CohortSubjects.Learner;

    public override int Stage => 1;

    protected override PeerComparisonQuery DefaultQuery(string subjectId) =>
        new(subjectId, null, CohortSubjects.Learner) { ComputeMissingInputs = false };
}
