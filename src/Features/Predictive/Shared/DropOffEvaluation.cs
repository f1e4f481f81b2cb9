namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>The holdout figures of one algorithm at one prediction week: binary quality, or MAE (and the training-mean MAE) for scores.</summary>
public sealed record DropOffWeekResult(int Week, string Algorithm, int Count, BinaryQuality? Quality, double? Mae, double? BaselineMae);

/// <summary>One scored registration of the holdout (the served algorithm's score).</summary>
public sealed record DropOffPrediction(DropOffEnrolment Enrolment, int Week, double Score, double Label);

public sealed record DropOffEvaluationResult(
    DropOffTarget Target,
    int TrainingEnrolments,
    int TrainingRows,
    IReadOnlyList<DropOffWeekResult> Weeks,
    string Winner,
    IReadOnlyList<DropOffPrediction> Predictions);

/// <summary>
/// The temporal evaluation of ANALYTICS.md §5.1 (and the protocol of ../shared/data/README.md): both candidate algorithms are
/// fitted on the training histories' rows at the training weeks, then each scores the holdout's rows at each prediction week.
/// The winner is the higher week-4 ROC-AUC (within 0.005, logistic regression) for the binary targets and the lower week-8 MAE
/// for the exam score; its scores are the predictions.
/// </summary>
public static class DropOffEvaluation
{
    public const double AucTieMargin = 0.005;

    public static DropOffEvaluationResult Run(
        IReadOnlyList<DropOffHistory> train, IReadOnlyList<DropOffHistory> test, DropOffTarget target, IReadOnlyList<int> weeks)
    {
        var regression = target == DropOffTarget.ExamScore;
        var training = DropOffExamples.For(train, target, regression ? DropOffExamples.ForecastTrainingWeeks : DropOffExamples.TrainingWeeks);
        var holdout = DropOffExamples.For(test, target, weeks);
        if (training.Count == 0 || holdout.Count == 0)
        {
            throw new InvalidOperationException(
                $"evaluate: no {DropOffTargets.Name(target)} rows to {(training.Count == 0 ? "train on" : "test on")}: check the presentations and that they are imported.");
        }

        string[] algorithms = regression
            ? [DropOffModel.SdcaRegression, DropOffModel.FastTreeRegression]
            : [DropOffModel.LogisticRegression, DropOffModel.GradientBoostedTrees];
        var trainingLabels = training.Select(x => x.Label).ToArray();
        var baseRate = trainingLabels.Average();
        var results = new List<DropOffWeekResult>();
        var scores = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var algorithm in algorithms)
        {
            var model = DropOffModel.Fit(algorithm, training.Select(x => x.Features).ToArray(), trainingLabels);
            var predicted = model.Predict(holdout.Select(x => x.Features).ToArray());
            scores[algorithm] = predicted;
            foreach (var week in weeks)
            {
                var rows = Enumerable.Range(0, holdout.Count).Where(i => holdout[i].Week == week).ToArray();
                if (regression)
                {
                    var mae = rows.Select(i => (double)Math.Abs(predicted[i] - holdout[i].Label)).DefaultIfEmpty(double.NaN).Average();
                    var baseline = rows.Select(i => (double)Math.Abs(baseRate - holdout[i].Label)).DefaultIfEmpty(double.NaN).Average();
                    results.Add(new DropOffWeekResult(week, algorithm, rows.Length, null, mae, baseline));
                }
                else
                {
                    var quality = BinaryQuality.Of(rows.Select(i => holdout[i].Label > 0.5f).ToArray(), rows.Select(i => predicted[i]).ToArray(), baseRate);
                    results.Add(new DropOffWeekResult(week, algorithm, rows.Length, quality, null, null));
                }
            }
        }

        var winner = Winner(results, algorithms, regression, weeks);
        var predictions = holdout.Select((x, i) => new DropOffPrediction(x.Enrolment, x.Week, scores[winner][i], x.Label)).ToArray();
        return new DropOffEvaluationResult(target, training.Select(x => x.Enrolment.EnrolmentId).Distinct(StringComparer.Ordinal).Count(),
            training.Count, results, winner, predictions);
    }

    private static string Winner(IReadOnlyList<DropOffWeekResult> results, string[] algorithms, bool regression, IReadOnlyList<int> weeks)
    {
        var week = weeks.Contains(regression ? 8 : 4) ? (regression ? 8 : 4) : weeks[0];
        var first = results.Single(r => r.Week == week && r.Algorithm == algorithms[0]);
        var second = results.Single(r => r.Week == week && r.Algorithm == algorithms[1]);
        if (regression)
        {
            return second.Mae < first.Mae ? algorithms[1] : algorithms[0];
        }

        return PrefersTrees(first.Quality!.RocAuc, second.Quality!.RocAuc) ? algorithms[1] : algorithms[0];
    }

    /// <summary>ANALYTICS.md §5.1: the higher ROC-AUC wins; within <see cref="AucTieMargin"/> of each other, logistic regression.</summary>
    public static bool PrefersTrees(double logisticAuc, double treesAuc) => treesAuc > logisticAuc + AucTieMargin;
}
