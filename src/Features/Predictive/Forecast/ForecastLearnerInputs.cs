namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>Everything one learner's forecast is computed from, as Forecast.sql reads it.</summary>
public sealed record ForecastLearnerInputs(
    ForecastLearnerFacts Facts,
    IReadOnlyList<ForecastEnrolmentRow> Enrolments,
    IReadOnlyList<ForecastUnitRow> Units,
    IReadOnlyList<ForecastScoreRow> Scores,
    IReadOnlyList<ForecastBestRow> Best);
