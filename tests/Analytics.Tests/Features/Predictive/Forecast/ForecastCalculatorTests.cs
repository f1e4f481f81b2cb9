using Analytics.Api.Features.Predictive.Forecast;

namespace Analytics.Tests.Features.Predictive.Forecast;

/// <summary>rule-forecast@1 and the forecast payload of ANALYTICS.md §5.2 on hand-computed inputs (G8 of §8 included).</summary>
public sealed class ForecastCalculatorTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly ForecastSettings Settings = new();
    private static readonly ForecastScorer Scorer = new(Settings);

    private static ForecastFeatures Features(
        double[]? scores = null, int remaining = 0, double v30 = 0, double? hours = null, int? daysSinceProgress = 1, double failRate = 0) =>
        new(scores ?? [], remaining, v30, hours, daysSinceProgress, failRate);

    [Test]
    public void Predict_G8a_ThreeScores_IsTheMeanOfTheLastThreePlusTwiceTheSlope()
    {
        Assert.That(Scorer.Predict(Features([60, 70, 80]), ForecastScenario.None).PredictedScore, Is.EqualTo(90).Within(1e-9));
    }

    [Test]
    public void Predict_SlopeOverTheLastTenScoresOnly_AndClampedTo100()
    {
        // Last 10 of 12: 10 … 100 step 10 → slope 10; mean of the last 3 = 90 → 110 → clamped 100.
        double[] scores = [0, 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
        Assert.That(Scorer.Predict(Features(scores), ForecastScenario.None).PredictedScore, Is.EqualTo(100));

        // Falling: 90, 80, 70 → 80 − 20 = 60.
        Assert.That(Scorer.Predict(Features([90, 80, 70]), ForecastScenario.None).PredictedScore, Is.EqualTo(60).Within(1e-9));
    }

    [Test]
    public void Predict_G8b_OneScore_IsThatScore_TwoScores_TheirMeanWithSlopeZero()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Scorer.Predict(Features([65]), ForecastScenario.None).PredictedScore, Is.EqualTo(65));
            Assert.That(Scorer.Predict(Features([60, 75]), ForecastScenario.None).PredictedScore, Is.EqualTo(67.5));
        });
    }

    [Test]
    public void Predict_NoScores_IsNullWithTheDefaultSigma()
    {
        var prediction = Scorer.Predict(Features(), ForecastScenario.None);
        Assert.Multiple(() =>
        {
            Assert.That(prediction.PredictedScore, Is.Null);
            Assert.That(prediction.Sigma, Is.EqualTo(15));
        });
    }

    [Test]
    public void Predict_Sigma_IsThePopulationSdFromThreeScores_ElseTheDefault()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Scorer.Predict(Features([60, 70, 80]), ForecastScenario.None).Sigma, Is.EqualTo(Math.Sqrt(200.0 / 3)).Within(1e-9));
            Assert.That(Scorer.Predict(Features([60, 80]), ForecastScenario.None).Sigma, Is.EqualTo(15));
            Assert.That(new ForecastScorer(new ForecastSettings(DefaultSigma: 9)).Predict(Features([60]), ForecastScenario.None).Sigma, Is.EqualTo(9));
        });
    }

    [Test]
    public void Predict_WeeksToComplete_WithoutScenario_UsesV30()
    {
        // 6 remaining at v30 = 7·7/30 = 1.6333 → 3.67 → 4 weeks; with no progress in 30 days the pace floor 0.5 → 12 weeks.
        Assert.Multiple(() =>
        {
            Assert.That(Scorer.Predict(Features(remaining: 6, v30: 49.0 / 30), ForecastScenario.None).WeeksToComplete, Is.EqualTo(4));
            Assert.That(Scorer.Predict(Features(remaining: 6, v30: 0), ForecastScenario.None).WeeksToComplete, Is.EqualTo(12));
            Assert.That(Scorer.Predict(Features(remaining: 0, v30: 1), ForecastScenario.None).WeeksToComplete, Is.Zero);
        });
    }

    [Test]
    public void Predict_WeeksToComplete_WithStudyHoursAndBreaks_ScalesThePaceByRho()
    {
        // Observed 5 h/week, planned 10 → ρ = 2 → pace 3.2667 → 6/3.2667 = 1.84 → 2 weeks, + 3 break weeks = 5.
        var observed = Scorer.Predict(Features(remaining: 6, v30: 49.0 / 30, hours: 5), new ForecastScenario(10, 3));
        // No observed time: ρ = 10 / Forecast:BaselineHours (5) = 2 as well; planned 2.5 h → ρ = 0.5 → pace 0.8167 → 7.35 → 8.
        var baseline = Scorer.Predict(Features(remaining: 6, v30: 49.0 / 30), new ForecastScenario(10, null));
        var slower = Scorer.Predict(Features(remaining: 6, v30: 49.0 / 30), new ForecastScenario(2.5, null));
        // Only breakWeeks: ρ = 1 → 4 + 2.
        var breaks = Scorer.Predict(Features(remaining: 6, v30: 49.0 / 30, hours: 20), new ForecastScenario(null, 2));
        Assert.Multiple(() =>
        {
            Assert.That(observed.WeeksToComplete, Is.EqualTo(5));
            Assert.That(baseline.WeeksToComplete, Is.EqualTo(2));
            Assert.That(slower.WeeksToComplete, Is.EqualTo(8));
            Assert.That(breaks.WeeksToComplete, Is.EqualTo(6));
        });
    }

    [Test]
    public void Predict_G8c_CompletionProbability_TenWeeksRecentProgressOneRetryInFive_Is066()
    {
        // 10 remaining at the 0.5 floor... use 5 remaining at 0.5 = 10 weeks.
        var prediction = Scorer.Predict(Features(remaining: 5, v30: 0, daysSinceProgress: 3, failRate: 0.2), ForecastScenario.None);
        Assert.Multiple(() =>
        {
            Assert.That(prediction.WeeksToComplete, Is.EqualTo(10));
            Assert.That(prediction.CompletionProbability, Is.EqualTo(0.66));
        });
    }

    [Test]
    public void Predict_CompletionProbability_EachTermAndTheClamp()
    {
        Assert.Multiple(() =>
        {
            // 8 weeks is not > 8; 7 days is not > 7.
            Assert.That(Scorer.Predict(Features(remaining: 4, v30: 0, daysSinceProgress: 7), ForecastScenario.None).CompletionProbability, Is.EqualTo(0.8));
            Assert.That(Scorer.Predict(Features(remaining: 4, v30: 0, daysSinceProgress: 8), ForecastScenario.None).CompletionProbability, Is.EqualTo(0.6));
            Assert.That(Scorer.Predict(Features(daysSinceProgress: null), ForecastScenario.None).CompletionProbability, Is.EqualTo(0.6), "no progress ever");
            Assert.That(Scorer.Predict(Features(remaining: 9, v30: 0, daysSinceProgress: 30, failRate: 1), ForecastScenario.None).CompletionProbability,
                Is.EqualTo(0.3), "0.8 − 0.1 − 0.2 − 0.2");
        });
    }

    private static ForecastLearnerInputs Inputs(
        double[] scores, DateOnly? endsOn, int totalUnits = 10, int done = 4, bool optedOut = false, DateOnly? lastProgress = null)
    {
        var enrolment = new ForecastEnrolmentRow("c1", "Course 1", AsOf.AddDays(-60), null, null, null, endsOn, null, totalUnits,
            AsOf.AddDays(-2), 70);
        var series = scores.Select((s, i) => new ForecastScoreRow("c1", AsOf.AddDays(-7 * (scores.Length - i)), s)).ToArray();
        var units = Enumerable.Range(0, done).Select(i => new ForecastUnitRow("c1", AsOf.AddDays(-3 * i))).ToArray();
        var best = scores.Select(s => new ForecastBestRow("c1", 1, s)).ToArray();
        return new ForecastLearnerInputs(
            new ForecastLearnerFacts(optedOut, lastProgress ?? AsOf.AddDays(-2), scores.Length, 0, null, 300), [enrolment], units, series, best);
    }

    [Test]
    public void Compute_ProjectionsForKOneToFour_MoveTowardThePredictionWithEightyPercentBounds()
    {
        // current 70 (mean of 60, 70, 80 at weight 1), predicted 90, W = 28 days / 7 = 4, σ = √(200/3).
        var payload = ForecastCalculator.Compute(AsOf, "o", Inputs([60, 70, 80], AsOf.AddDays(28)), ForecastScenario.None, null, Settings, Scorer);
        var rows = payload.ForecastProjections.Select(p => (p.Period, p.HistoricalScore, p.ForecastedScore, p.ConfidenceLow, p.ConfidenceHigh)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(payload.CurrentPerformance.OverallScore, Is.EqualTo(70));
            Assert.That(payload.PredictedScore, Is.EqualTo(90));
            Assert.That(rows, Is.EqualTo(new[]
            {
                ("2025-W12", (double?)70, (double?)75, (double?)69.8, (double?)80.2),
                ("2025-W13", 70, 80, 72.6, 87.4),
                ("2025-W14", 70, 85, 75.9, 94.1),
                ("2025-W15", 70, 90, 79.5, 100),
            }));
            // Completion: 6 remaining at v30 = 4·7/30 → 6.43 → 7 weeks, progress 2 days ago → 0.8 → High; 90 ≥ 70 + 10 → Continue.
            Assert.That(payload.WeeksToComplete, Is.EqualTo(7));
            Assert.That(payload.CompletionProbability, Is.EqualTo(80.0));
            Assert.That(payload.PredictedCompletion, Is.EqualTo(AsOf.AddDays(49)));
            Assert.That(payload.ForecastProjections.Select(p => p.Probability), Is.All.EqualTo("High"));
            Assert.That(payload.ForecastProjections.Select(p => p.Recommendation), Is.EqualTo(new[] { "Monitor", "Continue", "Continue", "Continue" }));
        });
    }

    [Test]
    public void Compute_OpenEndedCourse_UsesWeeksToCompleteAsW()
    {
        // No E(e): W = weeksToComplete = 7, so k = 1 moves 1/7 of the way: 70 + 20/7 = 72.857 → 72.9.
        var payload = ForecastCalculator.Compute(AsOf, "o", Inputs([60, 70, 80], null), ForecastScenario.None, null, Settings, Scorer);
        Assert.That(payload.ForecastProjections[0].ForecastedScore, Is.EqualTo(72.9));
    }

    [Test]
    public void Compute_NoScores_KeepsTheShapeWithNullScoresAndEmptyProjections()
    {
        var payload = ForecastCalculator.Compute(AsOf, "o", Inputs([], AsOf.AddDays(28)), ForecastScenario.None, null, Settings, Scorer);
        Assert.Multiple(() =>
        {
            Assert.That(payload.Scored, Is.True);
            Assert.That(payload.DataStatus, Is.EqualTo("partial"));
            Assert.That(payload.PredictedScore, Is.Null);
            Assert.That(payload.CurrentPerformance.OverallScore, Is.Null);
            Assert.That(payload.ForecastProjections, Is.Empty);
            Assert.That(payload.WeeksToComplete, Is.EqualTo(7));
            Assert.That(payload.TrendAnalysis.OverallTrend, Is.Null);
            Assert.That(payload.Enrolments.Single().PredictedScore, Is.Null);
        });
    }

    [Test]
    public void Compute_OptedOut_IsTheEmptyShapeWithReasonOptedOut()
    {
        var payload = ForecastCalculator.Compute(AsOf, "o", Inputs([60, 70, 80], AsOf.AddDays(28), optedOut: true), ForecastScenario.None, null, Settings, Scorer);
        Assert.Multiple(() =>
        {
            Assert.That(payload.Scored, Is.False);
            Assert.That(payload.Reason, Is.EqualTo("opted-out"));
            Assert.That(payload.PredictedScore, Is.Null);
            Assert.That(payload.Enrolments, Is.Empty);
            Assert.That(payload.DataStatus, Is.EqualTo("no-data"));
        });
    }

    [Test]
    public void Trend_FourScores_HasOverallTrendVelocityVolatility_ButNoAcceleration()
    {
        // Weekly scores 50, 60, 70, 65: overallTrend = 65 − 50 = 15; velocity = slope on weeks = 5.5; volatility = 7.395.
        var series = new[] { 50.0, 60, 70, 65 }.Select((s, i) => new ForecastScoreRow("c1", AsOf.AddDays(-21 + (7 * i)), s)).ToArray();
        var trend = ForecastCalculator.Trend(series);
        Assert.Multiple(() =>
        {
            Assert.That(trend.OverallTrend, Is.EqualTo(15));
            Assert.That(trend.Velocity, Is.EqualTo(5.5));
            Assert.That(trend.Acceleration, Is.Null);
            Assert.That(trend.Volatility, Is.EqualTo(7.4));
            Assert.That(trend.Stability, Is.EqualTo(0.852));
            Assert.That(trend.Seasonality, Is.Null);
            Assert.That(trend.PeakPeriod, Is.EqualTo("2025-W10"), "the week of the 70");
        });
    }

    [Test]
    public void Trend_SixScores_HasAcceleration_AndThreeScoresHaveNoOverallTrend()
    {
        // 40, 50, 60 | 60, 60, 60: overallTrend = 60 − 50 = 10; acceleration = 0 − 10 = −10.
        var series = new[] { 40.0, 50, 60, 60, 60, 60 }.Select((s, i) => new ForecastScoreRow("c1", AsOf.AddDays(-35 + (7 * i)), s)).ToArray();
        var trend = ForecastCalculator.Trend(series);
        var short3 = ForecastCalculator.Trend(series[..3]);
        Assert.Multiple(() =>
        {
            Assert.That(trend.OverallTrend, Is.EqualTo(10));
            Assert.That(trend.Acceleration, Is.EqualTo(-10));
            Assert.That(trend.Volatility, Is.EqualTo(7.6));
            Assert.That(short3.OverallTrend, Is.Null);
            Assert.That(short3.Acceleration, Is.Null);
            Assert.That(short3.Velocity, Is.EqualTo(10));
        });
    }
}
