using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>
/// Course health's inputs for one course (<see cref="CourseHealthData"/>: outcomes and cohort signals at asOf and 30 days
/// earlier, topics at asOf), kept as the course's internal snapshot row (subject course, role trainer, analytic
/// `course-facts`; DATA_MODEL.md §2 internal rows) that no endpoint serves. Every trainer of the course and both course health
/// and course performance read it; it is valid while its inputs hash (definition, configuration, asOf, source, data as of)
/// matches and it was computed on the reader's calendar (<see cref="Zone"/>).
/// </summary>
public sealed record CourseFactsPayload : AnalyticPayload
{
    public const string Analytic = "course-facts";

    public const string Version = "course-facts@1.0";

    public required string CourseId { get; init; }

    public required string Zone { get; init; }

    public required DateOnly EarlierAsOf { get; init; }

    public required IReadOnlyList<CourseOutcome> Outcomes { get; init; }

    public required IReadOnlyList<CohortSignal> Signals { get; init; }

    public required IReadOnlyList<CourseTopic> Topics { get; init; }
}
