namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>Everything course health reads about one course at asOf.</summary>
public sealed record CourseHealthInput(
    TrainerCourse Course,
    CourseOutcome Outcome,
    IReadOnlyList<CohortSignal> Signals,
    IReadOnlyList<CourseTopic> Topics,
    int MinGroupSize,
    bool ProvidesFeedback,
    DateOnly AsOf);
