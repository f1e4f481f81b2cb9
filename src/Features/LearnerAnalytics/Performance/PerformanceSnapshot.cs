using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.LearnerAnalytics.Performance;

/// <summary>The stored default view of `performance` per learner, recomputed by refresh jobs and the nightly run.</summary>
public sealed class PerformanceSnapshot : HandlerSnapshotAnalytic<PerformanceQuery, PerformancePayload, PerformanceHandler>
{
    public override string Analytic => "performance";

    public override string SubjectType => "learner";

    protected override PerformanceQuery DefaultQuery(string subjectId) => new(subjectId, null);
}
