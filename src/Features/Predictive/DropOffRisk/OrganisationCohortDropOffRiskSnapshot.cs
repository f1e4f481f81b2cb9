using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.Predictive.DropOffRisk;

/// <summary>The `drop-off-risk` stored default view of an organisation cohort (subject type org-cohort).</summary>
public sealed class OrganisationCohortDropOffRiskSnapshot : HandlerSnapshotAnalytic<DropOffRiskQuery, DropOffRiskPayload, DropOffRiskHandler>
{
    public override string Analytic => DropOffRiskQuery.Analytic;

    public override string SubjectType => CohortSubjects.OrganisationCohort;

    public override int Stage => 3;

    protected override DropOffRiskQuery DefaultQuery(string subjectId) => new(subjectId, CohortSubjects.OrganisationCohort);
}
