using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.TrainerAnalytics.TeachingEffectiveness;

/// <summary>The stored default view of `teaching-effectiveness` per trainer, recomputed by refresh jobs and the nightly run.</summary>
public sealed class TeachingEffectivenessSnapshot : HandlerSnapshotAnalytic<TeachingEffectivenessQuery, TeachingEffectivenessPayload, TeachingEffectivenessHandler>
{
    public override string Analytic => "teaching-effectiveness";

    public override string SubjectType => "trainer";

    public override int Stage => 1;

    protected override TeachingEffectivenessQuery DefaultQuery(string subjectId) => new(subjectId, null, null);
}
