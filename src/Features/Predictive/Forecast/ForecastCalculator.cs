using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>
/// Forecast of one learner, `forecast@1.0` (ANALYTICS.md §5.2; scored population and opt-out §5.1/§0.5): each scored enrolment is
/// scored by <see cref="ForecastScorer"/>, and the primary enrolment (nearest E(e), ties to the most recent activity) gets the
/// current performance, projections k = 1…4 weeks ahead with 80 % bounds, the score trend and the data quality.
/// </summary>
public static class ForecastCalculator
{
    public const string DefinitionVersion = "forecast@1.0";
    public const string OptedOut = "opted-out";
    public const string NoActiveEnrolment = "no-active-enrolment";
    public const string TooEarly = "too-early";
    public const string Seasonality = "trendAnalysis.seasonality";

    /// <summary>z of the 80 % two-sided interval.</summary>
    private const double Z80 = 1.2816;
    private const int Horizon = 4;

    public static ForecastPayload Compute(
        DateOnly asOf,
        string organisationId,
        ForecastLearnerInputs inputs,
        ForecastScenario scenario,
        string? courseId,
        ForecastSettings settings,
        ForecastScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(scorer);
        if (inputs.Facts.PredictiveOptOut)
        {
            return Empty(asOf, organisationId, OptedOut);
        }

        var active = inputs.Enrolments
            .Where(e => e.IsActiveOn(asOf) && (courseId is null || e.CourseId == courseId))
            .ToArray();
        if (active.Length == 0)
        {
            return Empty(asOf, organisationId, NoActiveEnrolment);
        }

        // Scored once c = asOf + 1 ≥ s(e) + DropOff:MinDaysSinceStart (ANALYTICS.md §5.1).
        var cutoff = asOf.AddDays(1);
        var scored = active.Where(e => e.Start is not { } start || cutoff >= start.AddDays(settings.MinDaysSinceStart)).ToArray();
        if (scored.Length == 0)
        {
            return Empty(asOf, organisationId, TooEarly);
        }

        var v30 = inputs.Units.Count(u => u.FirstCompletedOn > asOf.AddDays(-30) && u.FirstCompletedOn <= asOf) * 7.0 / 30;
        int? daysSinceProgress = inputs.Facts.LastProgressOn is { } last ? asOf.DayNumber - last.DayNumber : null;
        var forecasts = scored.Select(e =>
        {
            var scores = inputs.Scores.Where(s => s.CourseId == e.CourseId).ToArray();
            var done = inputs.Units.Count(u => u.CourseId == e.CourseId && u.FirstCompletedOn <= asOf);
            var features = new ForecastFeatures(
                scores.Select(s => s.Score).ToArray(),
                Math.Max(0, e.TotalUnits - done),
                v30,
                inputs.Facts.ObservedWeeklyHours,
                daysSinceProgress,
                inputs.Facts.FailRate);
            return (Enrolment: e, Scores: scores, Features: features, Prediction: scorer.Predict(features, scenario, e.CourseId));
        }).ToArray();

        var primary = forecasts
            .OrderBy(f => f.Enrolment.ExpectedEnd is null)
            .ThenBy(f => f.Enrolment.ExpectedEnd)
            .ThenByDescending(f => f.Enrolment.LastActivityOn ?? DateOnly.MinValue)
            .ThenBy(f => f.Enrolment.CourseId, StringComparer.Ordinal)
            .First();

        var enrolment = primary.Enrolment;
        var prediction = primary.Prediction;
        var best = inputs.Best.Where(b => b.CourseId == enrolment.CourseId).ToArray();
        double? current = best.Length == 0 ? null : best.Sum(b => b.Weight * b.Best) / best.Sum(b => b.Weight);
        var pass = enrolment.PassThreshold ?? settings.DefaultPassThreshold;
        var weeksToEnd = enrolment.ExpectedEnd is { } end ? (end.DayNumber - asOf.DayNumber) / 7.0 : prediction.WeeksToComplete;

        return new ForecastPayload
        {
            DefinitionVersion = DefinitionVersion,
            AsOf = asOf,
            DataStatus = prediction.PredictedScore is null ? DataStatuses.Partial : DataStatuses.Ok,
            NotAvailable = [Seasonality],
            Scored = true,
            CourseId = enrolment.CourseId,
            CourseTitle = enrolment.CourseTitle,
            CurrentPerformance = new ForecastCurrentPerformance(Pct(current), Pct(pass)),
            ForecastProjections = Projections(asOf, current, prediction, weeksToEnd, pass),
            TrendAnalysis = Trend(primary.Scores),
            ConfidenceMetrics = Confidence(primary.Features, enrolment, scorer.ModelConfidence()),
            PredictedScore = Pct(prediction.PredictedScore),
            CompletionProbability = Pct(100 * prediction.CompletionProbability),
            WeeksToComplete = prediction.WeeksToComplete,
            PredictedCompletion = asOf.AddDays(7 * prediction.WeeksToComplete),
            Enrolments = forecasts
                .OrderBy(f => f.Enrolment.CourseId, StringComparer.Ordinal)
                .Select(f => new ForecastEnrolment(
                    f.Enrolment.CourseId, f.Enrolment.CourseTitle, Pct(f.Prediction.PredictedScore), Pct(100 * f.Prediction.CompletionProbability)))
                .ToArray(),
            ModelCard = scorer.ModelCards(organisationId, forecasts.Select(f => f.Enrolment.CourseId).ToArray()),
        };
    }

    /// <summary>The empty shape (ANALYTICS.md §0.4/§0.5): not scored, with the reason; every figure null, every list empty.</summary>
    public static ForecastPayload Empty(DateOnly asOf, string? organisationId, string? reason) => new()
    {
        DefinitionVersion = DefinitionVersion,
        AsOf = asOf,
        DataStatus = DataStatuses.NoData,
        NotAvailable = [Seasonality],
        Scored = false,
        Reason = reason,
        CurrentPerformance = new ForecastCurrentPerformance(null, null),
        ForecastProjections = [],
        TrendAnalysis = new ForecastTrendAnalysis(null, null, null, null, null, null, null),
        ConfidenceMetrics = new ForecastConfidenceMetrics(null, null, null, null, null),
        Enrolments = [],
        ModelCard = ForecastScorer.ModelCards(organisationId, 0),
    };

    /// <summary>
    /// forecasted_k = current + (predicted − current)·min(1, k/max(1, W)); bounds ∓ 1.2816·σ·√min(1, k/W), clamped (80 %).
    /// probability from the completion probability (≥ .7 High, ≥ .4 Medium); recommendation against the pass threshold.
    /// </summary>
    public static IReadOnlyList<ForecastProjection> Projections(
        DateOnly asOf, double? current, ForecastPrediction prediction, double weeksToEnd, double passThreshold)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        if (current is not { } now || prediction.PredictedScore is not { } predicted)
        {
            return [];
        }

        var w = Math.Max(1, weeksToEnd);
        var probability = Band(prediction.CompletionProbability);
        return Enumerable.Range(1, Horizon).Select(k =>
        {
            var share = Math.Min(1, k / w);
            var forecasted = now + ((predicted - now) * share);
            var half = Z80 * prediction.Sigma * Math.Sqrt(share);
            return new ForecastProjection(
                ForecastStatistics.IsoWeek(asOf.AddDays(7 * k)),
                Pct(now),
                Pct(forecasted),
                Pct(Math.Clamp(forecasted - half, 0, 100)),
                Pct(Math.Clamp(forecasted + half, 0, 100)),
                probability,
                Recommendation(forecasted, passThreshold));
        }).ToArray();
    }

    public static string Band(double completionProbability) => Numbers.Exact(completionProbability) switch
    {
        >= 0.7 => "High",
        >= 0.4 => "Medium",
        _ => "Low",
    };

    public static string Recommendation(double forecasted, double passThreshold) =>
        Numbers.Exact(forecasted) >= Numbers.Exact(passThreshold + 10) ? "Continue"
        : Numbers.Exact(forecasted) >= Numbers.Exact(passThreshold) ? "Monitor"
        : "Improve";

    /// <summary>
    /// trendAnalysis (ANALYTICS.md §5.2) over the course's score series: overallTrend (n ≥ 4), velocity = slope on days/7 and
    /// acceleration (n ≥ 6) over the last 10, volatility = their population SD, stability, peakPeriod = the best ISO week.
    /// </summary>
    public static ForecastTrendAnalysis Trend(IReadOnlyList<ForecastScoreRow> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var scores = series.Select(s => s.Score).ToArray();
        var n = scores.Length;
        double? overall = n >= 4
            ? scores[^3..].Average() - scores[Math.Max(0, n - 6)..(n - 3)].Average()
            : null;

        var recent = series.TakeLast(10).ToArray();
        var recentScores = recent.Select(s => s.Score).ToArray();
        var first = recent.Length == 0 ? 0 : recent[0].SubmittedOn.DayNumber;
        var velocity = ForecastStatistics.Slope(recent.Select(s => (s.SubmittedOn.DayNumber - first) / 7.0).ToArray(), recentScores);

        double? acceleration = null;
        if (recentScores.Length >= 6)
        {
            var half = recentScores.Length / 2;
            acceleration = ForecastStatistics.Slope(recentScores[half..]) - ForecastStatistics.Slope(recentScores[..half]);
        }

        var volatility = recentScores.Length >= 2 ? ForecastStatistics.PopulationSd(recentScores) : null;
        double? stability = volatility is { } v ? 1 - Math.Min(1, v / 50) : null;
        var peak = series
            .GroupBy(s => ForecastStatistics.IsoWeek(s.SubmittedOn), StringComparer.Ordinal)
            .Select(g => (Week: g.Key, Mean: Numbers.Exact(g.Average(s => s.Score)), Last: g.Max(s => s.SubmittedOn)))
            .OrderByDescending(g => g.Mean)
            .ThenByDescending(g => g.Last)
            .Select(g => g.Week)
            .FirstOrDefault();

        return new ForecastTrendAnalysis(
            Pct(overall),
            Round(velocity, 2),
            Round(acceleration, 2),
            Pct(volatility),
            Round(stability, 3),
            null,
            peak);
    }

    /// <summary>
    /// confidenceMetrics (ANALYTICS.md §5.2): dataQuality = the share of the inputs that are present (scores, enough scores for a
    /// slope, E(e), study time, a progress event, progress units); the model-based fields (forecast accuracy, model accuracy,
    /// reliability) come from the served models' holdout figures and are null under the rule; overall = the mean of the non-null.
    /// </summary>
    public static ForecastConfidenceMetrics Confidence(
        ForecastFeatures features, ForecastEnrolmentRow enrolment, (double? ForecastAccuracy, double? ModelAccuracy, double? Reliability) model = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(enrolment);
        bool[] present =
        [
            features.Scores.Count >= 1,
            features.Scores.Count >= 3,
            enrolment.ExpectedEnd is not null,
            features.ObservedWeeklyHours is not null,
            features.DaysSinceLastProgress is not null,
            enrolment.TotalUnits > 0,
        ];
        var quality = 100.0 * present.Count(p => p) / present.Length;
        double?[] known = [quality, model.ForecastAccuracy, model.ModelAccuracy, model.Reliability];
        var overall = known.Where(v => v is not null).Average();
        return new ForecastConfidenceMetrics(Pct(overall), Pct(model.ForecastAccuracy), Pct(quality), Pct(model.ModelAccuracy), Pct(model.Reliability));
    }

    private static double? Pct(double? value) => Round(value, 1);

    private static double? Round(double? value, int decimals) => value is { } v ? Numbers.Round(v, decimals) : null;
}
