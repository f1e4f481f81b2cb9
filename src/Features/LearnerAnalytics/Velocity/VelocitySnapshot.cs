using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.LearnerAnalytics.Velocity;

/// <summary>The stored default view of `velocity` per learner, recomputed by refresh jobs and, a chunk of learners at a time, by the nightly run.</summary>
public sealed class VelocitySnapshot : BatchSnapshotAnalytic<VelocityPayload, VelocityHandler>
{
    public override string Analytic => "velocity";

    public override string SubjectType => "learner";

    protected override Task<IReadOnlyList<SubjectOutcome<VelocityPayload>>> ComputeDefaultAsync(
        VelocityHandler handler, IReadOnlyList<string> subjectIds, CancellationToken cancellationToken) =>
        handler.ComputeAsync(subjectIds, VelocityQuery.DefaultWindow, cancellationToken);
}
