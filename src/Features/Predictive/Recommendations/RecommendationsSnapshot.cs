using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.Predictive.Recommendations;

/// <summary>
/// A learner's recommendations as a computable analytic (after the analytics it reads, stage 2), so reports and refreshes can
/// include them; computed on demand, not in the nightly run.
/// </summary>
public sealed class RecommendationsSnapshot : HandlerSnapshotAnalytic<RecommendationsQuery, RecommendationsPayload, RecommendationsHandler>
{
    public override string Analytic => RecommendationsQuery.Analytic;

    public override string SubjectType => CohortSubjects.Learner;

    public override int Stage => 2;

    public override bool InNightlyRun => false;

    protected override RecommendationsQuery DefaultQuery(string subjectId) => new(subjectId, null, CohortSubjects.Learner);
}
