using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.TrainerAnalytics.CoursePerformance;

/// <summary>The stored default view of `course-performance` per trainer, recomputed by refresh jobs and the nightly run.</summary>
public sealed class CoursePerformanceSnapshot : HandlerSnapshotAnalytic<CoursePerformanceQuery, CoursePerformancePayload, CoursePerformanceHandler>
{
    public override string Analytic => "course-performance";

    public override string SubjectType => "trainer";

    public override int Stage => 1;

    protected override CoursePerformanceQuery DefaultQuery(string subjectId) => new(subjectId, null, null);
}
