namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>
/// One active learner of a course on one analysis day: the weighted 14-day sums behind engagement (#3) and the inputs of the
/// drop-off rule (CohortSignals.sql). WeightedMinutes is null when the learner's sources supply no durations.
/// </summary>
public sealed record CohortSignal(
    string CourseId,
    DateOnly AsOf,
    string UserId,
    bool Scored,
    double WeightedActiveDays,
    double? WeightedMinutes,
    double WeightedUnits,
    int UnitsLast7,
    int UnitsPrevious7,
    bool ProgressLast7);
