namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>
/// What the scorer sees of one enrolment at asOf: the course's score series (time order), the remaining progress units, the
/// learner's v_30 (units per week over the last 30 days, ANALYTICS.md §1.1), observed weekly study hours, days since the last
/// progress event (null = none) and failRate.
/// </summary>
public sealed record ForecastFeatures(
    IReadOnlyList<double> Scores,
    int RemainingUnits,
    double UnitsPerWeek30,
    double? ObservedWeeklyHours,
    int? DaysSinceLastProgress,
    double FailRate);
