using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.OrganisationAnalytics.LearningCulture;

/// <summary>
/// The stored default view (no department) of `learning-culture` per organisation, recomputed by refresh jobs and by the
/// nightly run after the learner and trainer stages, so the members' engagement snapshots it reads exist already.
/// </summary>
public sealed class LearningCultureSnapshot
    : HandlerSnapshotAnalytic<LearningCultureQuery, LearningCulturePayload, LearningCultureHandler>
{
    public override string Analytic => LearningCultureQuery.Analytic;

    public override string SubjectType => "organisation";

    public override int Stage => 2;

    protected override LearningCultureQuery DefaultQuery(string subjectId) => new(subjectId, null);
}
