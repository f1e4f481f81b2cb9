using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.LearnerAnalytics.Engagement;

/// <summary>The stored default view of `engagement` per learner, recomputed by refresh jobs and, a chunk of learners at a time, by the nightly run.</summary>
public sealed class EngagementSnapshot : BatchSnapshotAnalytic<EngagementPayload, EngagementHandler>
{
    public override string Analytic => "engagement";

    public override string SubjectType => "learner";

    protected override Task<IReadOnlyList<SubjectOutcome<EngagementPayload>>> ComputeDefaultAsync(
        EngagementHandler handler, IReadOnlyList<string> subjectIds, CancellationToken cancellationToken) =>
        handler.ComputeAsync(subjectIds, EngagementQuery.DefaultWindowDays, cancellationToken);
}
