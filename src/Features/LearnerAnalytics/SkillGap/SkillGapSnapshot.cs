using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.LearnerAnalytics.SkillGap;

/// <summary>The stored default view of `skill-gap` per learner, recomputed by refresh jobs and, a chunk of learners at a time, by the nightly run.</summary>
public sealed class SkillGapSnapshot : BatchSnapshotAnalytic<SkillGapPayload, SkillGapHandler>
{
    public override string Analytic => "skill-gap";

    public override string SubjectType => "learner";

    protected override Task<IReadOnlyList<SubjectOutcome<SkillGapPayload>>> ComputeDefaultAsync(
        SkillGapHandler handler, IReadOnlyList<string> subjectIds, CancellationToken cancellationToken) =>
        handler.ComputeAsync(subjectIds, category: null, criticalOnly: false, cancellationToken);
}
