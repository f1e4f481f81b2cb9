using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.LearnerAnalytics.SkillGap;

/// <summary>The stored default view of `skill-gap` per learner, recomputed by refresh jobs and the nightly run.</summary>
public sealed class SkillGapSnapshot : HandlerSnapshotAnalytic<SkillGapQuery, SkillGapPayload, SkillGapHandler>
{
    public override string Analytic => "skill-gap";

    public override string SubjectType => "learner";

    protected override SkillGapQuery DefaultQuery(string subjectId) => new(subjectId, null, null);
}
