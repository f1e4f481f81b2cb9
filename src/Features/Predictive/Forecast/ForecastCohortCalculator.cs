using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>
/// The trainer-cohort and org-cohort forms of `forecast@1.0` (ANALYTICS.md §5.2): the means of the scored members' forecasts
/// and expectedCompletions = Σ completion probabilities (0–1). Fewer than k scored learners withholds the whole response
/// (§0.5; checked again here after the SQL), courses below k are left out and counted.
/// </summary>
public static class ForecastCohortCalculator
{
    public static ForecastResult Compute(
        DateOnly asOf, string organisationId, ForecastCohortRow row, IReadOnlyList<ForecastCohortCourse> courses, int minGroupSize)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(courses);
        if (row.Scored < minGroupSize)
        {
            return new ForecastResult(Suppressed(asOf, organisationId, minGroupSize), SuppressionInfo.WholeGroup(minGroupSize));
        }

        var probability = row.CompletionProbability;
        var pass = row.PassThreshold;
        double?[] forecasted = [row.Forecasted1, row.Forecasted2, row.Forecasted3, row.Forecasted4];
        double?[] low = [row.Low1, row.Low2, row.Low3, row.Low4];
        double?[] high = [row.High1, row.High2, row.High3, row.High4];
        var projections = row.HistoricalScore is null
            ? []
            : Enumerable.Range(0, 4).Select(i => new ForecastProjection(
                ForecastStatistics.IsoWeek(asOf.AddDays(7 * (i + 1))),
                Pct(row.HistoricalScore),
                Pct(forecasted[i]),
                Pct(low[i]),
                Pct(high[i]),
                probability is { } p ? ForecastCalculator.Band(p) : null,
                forecasted[i] is { } f && pass is { } t ? ForecastCalculator.Recommendation(f, t) : null)).ToArray();
        double? weeks = row.WeeksToComplete;
        var payload = new ForecastPayload
        {
            DefinitionVersion = ForecastCalculator.DefinitionVersion,
            AsOf = asOf,
            DataStatus = row.PredictedScore is null ? DataStatuses.Partial : DataStatuses.Ok,
            NotAvailable = [ForecastCalculator.Seasonality, "trendAnalysis.peakPeriod"],
            Scored = true,
            CurrentPerformance = new ForecastCurrentPerformance(Pct(row.OverallScore), Pct(pass)),
            ForecastProjections = projections,
            TrendAnalysis = new ForecastTrendAnalysis(
                Pct(row.OverallTrend), Round(row.Velocity, 2), Round(row.Acceleration, 2), Pct(row.Volatility), Round(row.Stability, 3), null, null),
            ConfidenceMetrics = new ForecastConfidenceMetrics(Pct(row.DataQuality), null, Pct(row.DataQuality), null, null),
            PredictedScore = Pct(row.PredictedScore),
            CompletionProbability = Pct(100 * probability),
            WeeksToComplete = Round(weeks, 1),
            PredictedCompletion = weeks is { } w ? asOf.AddDays((int)Math.Ceiling(Numbers.Exact(7 * w))) : null,
            Enrolments = courses
                .Select(c => new ForecastEnrolment(c.CourseId, c.CourseTitle, Pct(c.PredictedScore), Pct(100 * c.CompletionProbability)))
                .ToArray(),
            ExpectedCompletions = Round(row.ExpectedCompletions, 2),
            OptedOutCount = row.OptedOut,
            ModelCard = ForecastScorer.ModelCards(organisationId, row.Scored),
        };
        return new ForecastResult(payload, SuppressionInfo.Segments(minGroupSize, row.SuppressedCourses));
    }

    /// <summary>The whole response withheld (ANALYTICS.md §0.5): the shape kept, every aggregate null, every list empty.</summary>
    public static ForecastPayload Suppressed(DateOnly asOf, string organisationId, int minGroupSize) =>
        ForecastCalculator.Empty(asOf, organisationId, null) with
        {
            DataStatus = DataStatuses.Ok,
            Suppressed = true,
            Message = SuppressionInfo.MessageFor(minGroupSize),
        };

    private static double? Pct(double? value) => Round(value, 1);

    private static double? Round(double? value, int decimals) => value is { } v ? Numbers.Round(v, decimals) : null;
}
