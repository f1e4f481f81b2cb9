using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.Predictive.DropOffRisk;

/// <summary>The `drop-off-risk` learner's stored default view, after the learner analytics (stage 0) whose engagement snapshots it reads.</summary>
public sealed class DropOffRiskSnapshot : HandlerSnapshotAnalytic<DropOffRiskQuery, DropOffRiskPayload, DropOffRiskHandler>
{
    public override string Analytic => DropOffRiskQuery.Analytic;

    public override string SubjectType => CohortSubjects.Learner;

    public override int Stage => 1;

    protected override DropOffRiskQuery DefaultQuery(string subjectId) => new(subjectId, CohortSubjects.Learner) { ComputeMissingInputs = false };
}
