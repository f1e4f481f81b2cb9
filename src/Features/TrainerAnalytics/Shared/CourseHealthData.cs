namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>What course health reads for a set of courses: outcomes and cohort signals per day, topics at asOf.</summary>
public sealed record CourseHealthData(
    IReadOnlyList<CourseOutcome> Outcomes,
    IReadOnlyList<CohortSignal> Signals,
    IReadOnlyList<CourseTopic> Topics)
{
    public CourseOutcome Outcome(string courseId, DateOnly asOf) =>
        Outcomes.FirstOrDefault(o => o.CourseId == courseId && o.AsOf == asOf) ?? CourseOutcome.Empty(courseId, asOf);

    public IReadOnlyList<CohortSignal> SignalsOf(string courseId, DateOnly asOf) =>
        Signals.Where(s => s.CourseId == courseId && s.AsOf == asOf).ToArray();

    public IReadOnlyList<CourseTopic> TopicsOf(string courseId) => Topics.Where(t => t.CourseId == courseId).ToArray();
}
