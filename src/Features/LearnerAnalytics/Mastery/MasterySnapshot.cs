using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.LearnerAnalytics.Mastery;

/// <summary>The stored default view of `mastery` per learner, recomputed by refresh jobs and, a chunk of learners at a time, by the nightly run.</summary>
public sealed class MasterySnapshot : BatchSnapshotAnalytic<MasteryPayload, MasteryHandler>
{
    public override string Analytic => "mastery";

    public override string SubjectType => "learner";

    protected override Task<IReadOnlyList<SubjectOutcome<MasteryPayload>>> ComputeDefaultAsync(
        MasteryHandler handler, IReadOnlyList<string> subjectIds, CancellationToken cancellationToken) =>
        handler.ComputeAsync(subjectIds, pathId: null, cancellationToken);
}
