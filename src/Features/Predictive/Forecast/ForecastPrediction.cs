namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>
/// A scorer's answer for one enrolment: predicted score (0–100, null without scores), weeks to complete, completion probability
/// (0–1) and σ of the score forecast.
/// </summary>
public sealed record ForecastPrediction(double? PredictedScore, int WeeksToComplete, double CompletionProbability, double Sigma);
