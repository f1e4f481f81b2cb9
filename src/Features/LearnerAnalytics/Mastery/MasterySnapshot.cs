using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.LearnerAnalytics.Mastery;

/// <summary>The stored default view of `mastery` per learner, recomputed by refresh jobs and the nightly run.</summary>
public sealed class MasterySnapshot : HandlerSnapshotAnalytic<MasteryQuery, MasteryPayload, MasteryHandler>
{
    public override string Analytic => "mastery";

    public override string SubjectType => "learner";

    protected override MasteryQuery DefaultQuery(string subjectId) => new(subjectId, null);
}
