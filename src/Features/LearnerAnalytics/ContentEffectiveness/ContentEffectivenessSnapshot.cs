using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.LearnerAnalytics.ContentEffectiveness;

/// <summary>The stored default view of `content-effectiveness` per learner, recomputed by refresh jobs and, a chunk of learners at a time, by the nightly run.</summary>
public sealed class ContentEffectivenessSnapshot : BatchSnapshotAnalytic<ContentEffectivenessPayload, ContentEffectivenessHandler>
{
    public override string Analytic => "content-effectiveness";

    public override string SubjectType => "learner";

    protected override Task<IReadOnlyList<SubjectOutcome<ContentEffectivenessPayload>>> ComputeDefaultAsync(
        ContentEffectivenessHandler handler, IReadOnlyList<string> subjectIds, CancellationToken cancellationToken) =>
        handler.ComputeAsync(subjectIds, new ContentEffectivenessFilter(), cancellationToken);
}
