using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.LearnerAnalytics.Velocity;

/// <summary>The stored default view of `velocity` per learner, recomputed by refresh jobs and the nightly run.</summary>
public sealed class VelocitySnapshot : HandlerSnapshotAnalytic<VelocityQuery, VelocityPayload, VelocityHandler>
{
    public override string Analytic => "velocity";

    public override string SubjectType => "learner";

    protected override VelocityQuery DefaultQuery(string subjectId) => new(subjectId, null);
}
