using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.Predictive.DropOffRisk;

/// <summary>The `drop-off-risk` learner's stored default view, after the learner analytics (stage 0) whose engagement snapshots it reads; not part of the nightly run.</summary>
public sealed class DropOffRiskSnapshot : HandlerSnapshotAnalytic<DropOffRiskQuery, DropOffRiskPayload, DropOffRiskHandler>
{
    public override string Analytic => DropOffRiskQuery.Analytic;

    public override string SubjectType => CohortSubjects.Learner;

    public override int Stage => 1;

    /// <summary>
    /// About 16 ms per learner (histories, engagement points and 10 scored cutoffs): 100,000 learners would take the nightly run
    /// past its 15 minutes, so a learner's risk is computed on first read and refresh (bench/RESULTS.md, nightly recalculation).
    /// </summary>
    public override bool InNightlyRun => false;

    protected override DropOffRiskQuery DefaultQuery(string subjectId) => new(subjectId, CohortSubjects.Learner) { ComputeMissingInputs = false };
}
