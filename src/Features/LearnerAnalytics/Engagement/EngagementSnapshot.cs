using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.LearnerAnalytics.Engagement;

/// <summary>The stored default view of `engagement` per learner, recomputed by refresh jobs and the nightly run.</summary>
public sealed class EngagementSnapshot : HandlerSnapshotAnalytic<EngagementQuery, EngagementPayload, EngagementHandler>
{
    public override string Analytic => "engagement";

    public override string SubjectType => "learner";

    protected override EngagementQuery DefaultQuery(string subjectId) => new(subjectId, null);
}
