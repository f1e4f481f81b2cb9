using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.LearnerAnalytics.Performance;

/// <summary>The stored default view of `performance` per learner, recomputed by refresh jobs and, a chunk of learners at a time, by the nightly run.</summary>
public sealed class PerformanceSnapshot : BatchSnapshotAnalytic<PerformancePayload, PerformanceHandler>
{
    public override string Analytic => "performance";

    public override string SubjectType => "learner";

    protected override Task<IReadOnlyList<SubjectOutcome<PerformancePayload>>> ComputeDefaultAsync(
        PerformanceHandler handler, IReadOnlyList<string> subjectIds, CancellationToken cancellationToken) =>
        handler.ComputeAsync(subjectIds, courseId: null, cancellationToken);
}
