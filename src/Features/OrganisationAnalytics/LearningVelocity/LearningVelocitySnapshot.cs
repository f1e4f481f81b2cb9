using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.OrganisationAnalytics.LearningVelocity;

/// <summary>
/// The stored default view (no department) of `learning-velocity` per organisation; stage 2, after the learner snapshots it
/// reads exist in the nightly run.
/// </summary>
public sealed class LearningVelocitySnapshot
    : HandlerSnapshotAnalytic<LearningVelocityQuery, LearningVelocityPayload, LearningVelocityHandler>
{
    public override string Analytic => LearningVelocityQuery.Analytic;

    public override string SubjectType => "organisation";

    public override int Stage => 2;

    protected override LearningVelocityQuery DefaultQuery(string subjectId) => new(subjectId, null);
}
