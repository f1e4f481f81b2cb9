using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.TrainerAnalytics.CourseHealth;

/// <summary>The stored default view of `course-health` per trainer, recomputed by refresh jobs and the nightly run.</summary>
public sealed class CourseHealthSnapshot : HandlerSnapshotAnalytic<CourseHealthQuery, CourseHealthPayload, CourseHealthHandler>
{
    public override string Analytic => "course-health";

    public override string SubjectType => "trainer";

    public override int Stage => 1;

    protected override CourseHealthQuery DefaultQuery(string subjectId) => new(subjectId, null, null);
}
