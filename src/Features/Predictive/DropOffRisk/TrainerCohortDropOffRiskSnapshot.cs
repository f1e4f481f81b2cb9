using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.Predictive.DropOffRisk;

/// <summary>The `drop-off-risk` stored default view of a trainer cohort (subject type trainer-cohort).</summary>
public sealed class TrainerCohortDropOffRiskSnapshot : HandlerSnapshotAnalytic<DropOffRiskQuery, DropOffRiskPayload, DropOffRiskHandler>
{
    public override string Analytic => DropOffRiskQuery.Analytic;

    public override string SubjectType => CohortSubjects.TrainerCohort;

    public override int Stage => 2;

    protected override DropOffRiskQuery DefaultQuery(string subjectId) => new(subjectId, CohortSubjects.TrainerCohort);
}
