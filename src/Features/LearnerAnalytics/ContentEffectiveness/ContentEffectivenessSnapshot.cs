using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.LearnerAnalytics.ContentEffectiveness;

/// <summary>The stored default view of `content-effectiveness` per learner, recomputed by refresh jobs and the nightly run.</summary>
public sealed class ContentEffectivenessSnapshot : HandlerSnapshotAnalytic<ContentEffectivenessQuery, ContentEffectivenessPayload, ContentEffectivenessHandler>
{
    public override string Analytic => "content-effectiveness";

    public override string SubjectType => "learner";

    protected override ContentEffectivenessQuery DefaultQuery(string subjectId) => new(subjectId, null, null, null, null, null);
}
