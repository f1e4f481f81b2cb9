namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// The score model of the forecast (ANALYTICS.md §5.2), trained with the drop-off model's library, holdout and retrain (§5.1): the
/// target is the exam score of a completed enrolment (latest non-banked exam attempt), the features the §5.1 set at
/// Forecast:TrainingWeeks; SDCA and FastTree regression are fitted on the training course runs and the lower holdout MAE at week 8
/// wins. The gate: at least 300 training and 100 holdout enrolments; MAE at week 8 at most 0.9 × the MAE of the training-mean
/// predictor on the same holdout and at most Forecast:MaxMae (14). The winner is refitted on training + holdout and served.
/// </summary>
public static class ForecastTraining
{
    public const string RuleId = "rule-forecast@1";

    public const int MinTrainEnrolments = 300;
    public const int MinHoldoutEnrolments = 100;
    public const double MaxMaeRatio = 0.9;
    public const double MaxMae = 14;
    public const double AccuracyBand = 10;
    public const int GateWeek = 8;

    public static DropOffTrainingOutcome Run(IReadOnlyList<DropOffHistory> histories, DropOffTrainingSettings settings)
    {
        var thresholds = new Dictionary<string, double>(StringComparer.Ordinal) { [DropOffTraining.Week(GateWeek)] = MaxMae };
        var labelled = histories.Where(h => DropOffTargets.ExamScore(h) is not null).ToArray();
        var (training, holdout) = DropOffTraining.Split(labelled, settings.HoldoutShare);
        var trainingData = new ModelDataRange(
            training.Select(h => (DateOnly?)h.Enrolment.Start).Min(), training.Select(h => h.Enrolment.FinishedOn).Max(), training.Length, 0);
        if (training.Length < MinTrainEnrolments || holdout.Length < MinHoldoutEnrolments)
        {
            return new DropOffTrainingOutcome(
                new ModelQualityGate("mae", thresholds, false, "insufficient-data",
                    [$"{training.Length} training and {holdout.Length} holdout enrolments with an exam score; at least {MinTrainEnrolments} and {MinHoldoutEnrolments} are needed"]),
                null, trainingData, null, [], null);
        }

        var trainRows = DropOffExamples.For(training, DropOffTarget.ExamScore, DropOffExamples.ForecastTrainingWeeks);
        var holdoutRows = DropOffExamples.For(holdout, DropOffTarget.ExamScore, DropOffTrainingSettings.PredictionWeeks);
        var mean = trainRows.Average(x => x.Label);
        var candidates = new[] { DropOffModel.SdcaRegression, DropOffModel.FastTreeRegression }
            .Select(algorithm =>
            {
                var model = DropOffModel.Fit(algorithm, trainRows.Select(x => x.Features).ToArray(), trainRows.Select(x => x.Label).ToArray());
                return (Algorithm: algorithm, Model: model, Predicted: model.Predict(holdoutRows.Select(x => x.Features).ToArray()));
            })
            .ToArray();
        double Mae(float[] predicted, int week) => Rows(week).Select(i => (double)Math.Abs(Math.Clamp(predicted[i], 0, 100) - holdoutRows[i].Label)).DefaultIfEmpty(double.NaN).Average();
        int[] Rows(int week) => Enumerable.Range(0, holdoutRows.Count).Where(i => holdoutRows[i].Week == week).ToArray();
        var best = candidates.OrderBy(c => Mae(c.Predicted, GateWeek)).First();
        var gateMae = Mae(best.Predicted, GateWeek);
        var baseline = Rows(GateWeek).Select(i => (double)Math.Abs(mean - holdoutRows[i].Label)).DefaultIfEmpty(double.NaN).Average();
        var reasons = new List<string>();
        if (double.IsNaN(gateMae) || gateMae > MaxMaeRatio * baseline)
        {
            reasons.Add($"MAE at week {GateWeek} is {gateMae:F2}, above {MaxMaeRatio} × the training-mean predictor's {baseline:F2}");
        }

        if (double.IsNaN(gateMae) || gateMae > MaxMae)
        {
            reasons.Add($"MAE at week {GateWeek} is {gateMae:F2}, above {MaxMae}");
        }

        var weeks = DropOffTrainingSettings.PredictionWeeks.Where(w => Rows(w).Length > 0).ToArray();
        var rows8 = Rows(GateWeek);
        var evaluation = new ModelEvaluation
        {
            From = holdout.Min(h => h.Enrolment.Start),
            To = holdout.Select(h => h.Enrolment.FinishedOn).Max(),
            Enrolments = holdout.Length,
            PredictionWeeks = weeks,
            Mae = weeks.ToDictionary(DropOffTraining.Week, w => (double?)Math.Round(Mae(best.Predicted, w), 2), StringComparer.Ordinal),
            MaeBaseline = weeks.ToDictionary(DropOffTraining.Week,
                w => (double?)Math.Round(Rows(w).Select(i => (double)Math.Abs(mean - holdoutRows[i].Label)).Average(), 2), StringComparer.Ordinal),
            Rmse = rows8.Length == 0 ? null : Math.Round(Math.Sqrt(rows8.Average(i => Math.Pow(Math.Clamp(best.Predicted[i], 0, 100) - holdoutRows[i].Label, 2))), 2),
            WithinBand = rows8.Length == 0 ? null : Math.Round(rows8.Count(i => Math.Abs(Math.Clamp(best.Predicted[i], 0, 100) - holdoutRows[i].Label) <= AccuracyBand) / (double)rows8.Length, 3),
        };
        var importance = best.Model.Importance();
        var features = DropOffFeatures.Names
            .Select((name, i) => new ModelFeature(name, DropOffFeatureDescriptions.Of(name), Math.Round(importance[i], 3)))
            .OrderByDescending(f => f.Importance)
            .ToArray();
        var passed = reasons.Count == 0;
        DropOffModel? served = null;
        if (passed)
        {
            var all = DropOffExamples.For([.. training, .. holdout], DropOffTarget.ExamScore, DropOffExamples.ForecastTrainingWeeks);
            served = DropOffModel.Fit(best.Algorithm, all.Select(x => x.Features).ToArray(), all.Select(x => x.Label).ToArray());
        }

        return new DropOffTrainingOutcome(new ModelQualityGate("mae", thresholds, passed, passed ? "passed" : "failed", reasons),
            best.Algorithm, trainingData, evaluation, features, served);
    }
}
