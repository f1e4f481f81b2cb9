using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.TrainerAnalytics.StudentDistribution;

/// <summary>The stored default view of `student-distribution` per trainer, recomputed by refresh jobs and the nightly run.</summary>
public sealed class StudentDistributionSnapshot : HandlerSnapshotAnalytic<StudentDistributionQuery, StudentDistributionPayload, StudentDistributionHandler>
{
    public override string Analytic => "student-distribution";

    public override string SubjectType => "trainer";

    public override int Stage => 1;

    protected override StudentDistributionQuery DefaultQuery(string subjectId) => new(subjectId, null, null, null, null);
}
