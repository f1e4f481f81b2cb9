namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// The retrain of one organisation's drop-off model (ANALYTICS.md §5.1 "Temporal holdout and quality gate"), pure over the
/// organisation's enrolment histories:
/// 1. course runs grouped by start date; the latest groups holding at least the holdout share of the labelled enrolments are the
///    holdout (never split), the earlier ones the training set; too small a set is `insufficient-data`;
/// 2. logistic regression and boosted trees fitted on the training rows and scored on the holdout at the prediction weeks;
/// 3. each must reach the AUC floors at the gate weeks, beat the rule by the lift at the first gate week and have a Brier skill
///    of at least the minimum; the passing one with the higher first-gate-week AUC wins (within 0.005, logistic regression);
/// 4. the winner must be stable: refitted on bootstrap resamples of the training enrolments, its AUC's standard deviation stays
///    under the maximum;
/// 5. the winner is refitted once on training + holdout and served; the card shows the holdout figures of step 2.
/// </summary>
public static class DropOffTraining
{
    public const string RuleId = "rule-dropoff@1";

    public static DropOffTrainingOutcome Run(IReadOnlyList<DropOffHistory> histories, DropOffTrainingSettings settings)
    {
        var thresholds = settings.GateWeeks.Select((w, i) => (Key: Week(w), Value: settings.MinAuc[Math.Min(i, settings.MinAuc.Count - 1)]))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var labelled = histories.Where(h => DropOffTargets.Label(h.Enrolment, settings.Label) is not null).ToArray();
        var (training, holdout) = Split(labelled, settings.HoldoutShare);
        var trainPositives = training.Count(h => DropOffTargets.Label(h.Enrolment, settings.Label) == true);
        var holdoutPositives = holdout.Count(h => DropOffTargets.Label(h.Enrolment, settings.Label) == true);
        var trainingData = new ModelDataRange(
            training.Select(h => (DateOnly?)h.Enrolment.Start).Min(), training.Select(h => h.Enrolment.FinishedOn).Max(), training.Length, trainPositives);
        var reasons = new List<string>();
        if (training.Length < settings.MinTrainEnrolments || Math.Min(trainPositives, training.Length - trainPositives) < settings.MinClassCount)
        {
            reasons.Add($"training holds {training.Length} finished enrolments ({trainPositives} positive); at least {settings.MinTrainEnrolments} with {settings.MinClassCount} of each class are needed");
        }

        if (holdout.Length < settings.MinHoldoutEnrolments || Math.Min(holdoutPositives, holdout.Length - holdoutPositives) < settings.MinHoldoutClassCount)
        {
            reasons.Add($"the holdout holds {holdout.Length} finished enrolments ({holdoutPositives} positive); at least {settings.MinHoldoutEnrolments} with {settings.MinHoldoutClassCount} of each class are needed");
        }

        if (reasons.Count > 0)
        {
            return new DropOffTrainingOutcome(new ModelQualityGate("rocAuc", thresholds, false, "insufficient-data", reasons), null, trainingData, null, [], null);
        }

        var trainRows = DropOffExamples.For(training, settings.Label, DropOffExamples.TrainingWeeks);
        var holdoutRows = DropOffExamples.For(holdout, settings.Label, DropOffTrainingSettings.PredictionWeeks);
        var baseRate = trainRows.Average(x => x.Label);
        var firstGateWeek = settings.GateWeeks[0];
        var ruleAuc = RuleAuc(holdoutRows, baseRate);
        var candidates = new[] { DropOffModel.LogisticRegression, DropOffModel.GradientBoostedTrees }
            .Select(algorithm => Evaluate(algorithm, trainRows, holdoutRows, baseRate))
            .ToArray();
        var verdicts = candidates.ToDictionary(c => c.Algorithm, c => Verdict(c, thresholds, ruleAuc, firstGateWeek, settings), StringComparer.Ordinal);
        var passing = candidates.Where(c => verdicts[c.Algorithm].Count == 0).ToArray();
        var best = Best(passing.Length > 0 ? passing : candidates, firstGateWeek);
        reasons.AddRange(passing.Length > 0 ? [] : candidates.SelectMany(c => verdicts[c.Algorithm].Select(r => $"{c.Algorithm}: {r}")));

        ModelStability? stability = null;
        if (passing.Length > 0)
        {
            var deviation = Stability(best.Algorithm, training, holdoutRows, settings, firstGateWeek, baseRate);
            stability = new ModelStability(settings.StabilityRuns, deviation);
            if (deviation > settings.MaxAucStdDev)
            {
                reasons.Add($"{best.Algorithm}: the ROC-AUC varies by {deviation:F3} (standard deviation) over {settings.StabilityRuns} bootstrap refits; at most {settings.MaxAucStdDev:F2} is allowed");
            }
        }

        var passed = reasons.Count == 0;
        var evaluation = best.Evaluation with
        {
            From = holdout.Min(h => h.Enrolment.Start),
            To = holdout.Select(h => h.Enrolment.FinishedOn).Max(),
            Enrolments = holdout.Length,
            Positives = holdoutPositives,
            Stability = stability,
            RuleRocAuc = new Dictionary<string, double?>(StringComparer.Ordinal) { [Week(firstGateWeek)] = Round(ruleAuc.GetValueOrDefault(firstGateWeek)) },
        };
        var importance = best.Model.Importance();
        var features = DropOffFeatures.Names
            .Select((name, i) => new ModelFeature(name, DropOffFeatureDescriptions.Of(name), Math.Round(importance[i], 3)))
            .OrderByDescending(f => f.Importance)
            .ToArray();
        var served = passed
            ? DropOffModel.Fit(best.Algorithm, [.. trainRows.Select(x => x.Features), .. DropOffExamples.For(holdout, settings.Label, DropOffExamples.TrainingWeeks).Select(x => x.Features)],
                [.. trainRows.Select(x => x.Label), .. DropOffExamples.For(holdout, settings.Label, DropOffExamples.TrainingWeeks).Select(x => x.Label)])
            : null;
        var gate = new ModelQualityGate("rocAuc", thresholds, passed, passed ? "passed" : "failed", reasons);
        return new DropOffTrainingOutcome(gate, best.Algorithm, trainingData, evaluation, features, served);
    }

    public static string Week(int week) => "week" + week.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The latest course runs (by start date, never split) holding at least <paramref name="share"/> of the enrolments are the holdout.</summary>
    public static (DropOffHistory[] Training, DropOffHistory[] Holdout) Split(DropOffHistory[] labelled, double share)
    {
        var needed = share * labelled.Length;
        var holdoutStarts = new HashSet<DateOnly>();
        var taken = 0;
        foreach (var group in labelled.GroupBy(h => h.Enrolment.Start).OrderByDescending(g => g.Key))
        {
            if (taken >= needed)
            {
                break;
            }

            holdoutStarts.Add(group.Key);
            taken += group.Count();
        }

        return (labelled.Where(h => !holdoutStarts.Contains(h.Enrolment.Start)).ToArray(),
            labelled.Where(h => holdoutStarts.Contains(h.Enrolment.Start)).ToArray());
    }

    private static Candidate Evaluate(string algorithm, IReadOnlyList<DropOffExample> train, IReadOnlyList<DropOffExample> holdout, double baseRate)
    {
        var model = DropOffModel.Fit(algorithm, train.Select(x => x.Features).ToArray(), train.Select(x => x.Label).ToArray());
        var predicted = model.Predict(holdout.Select(x => x.Features).ToArray());
        var roc = new Dictionary<string, double?>(StringComparer.Ordinal);
        var pr = new Dictionary<string, double?>(StringComparer.Ordinal);
        var brier = new Dictionary<string, double?>(StringComparer.Ordinal);
        var aucs = new Dictionary<int, double>();
        double? brierBaseline = null;
        foreach (var week in DropOffTrainingSettings.PredictionWeeks)
        {
            var rows = Enumerable.Range(0, holdout.Count).Where(i => holdout[i].Week == week).ToArray();
            if (rows.Length == 0)
            {
                continue;
            }

            var quality = BinaryQuality.Of(rows.Select(i => holdout[i].Label > 0.5f).ToArray(), rows.Select(i => predicted[i]).ToArray(), baseRate);
            roc[Week(week)] = Round(quality.RocAuc);
            pr[Week(week)] = Round(quality.PrAuc);
            brier[Week(week)] = Round(quality.Brier);
            aucs[week] = quality.RocAuc;
            if (week == 4)
            {
                brierBaseline = quality.BrierBaseline;
            }
        }

        var week4 = Enumerable.Range(0, holdout.Count).Where(i => holdout[i].Week == 4).ToArray();
        var evaluation = new ModelEvaluation
        {
            PredictionWeeks = DropOffTrainingSettings.PredictionWeeks,
            RocAuc = roc,
            PrAuc = pr,
            Brier = brier,
            BrierBaseline = Round(brierBaseline ?? double.NaN),
            Calibration = Calibration(week4.Select(i => predicted[i]).ToArray(), week4.Select(i => holdout[i].Label).ToArray()),
        };
        var skill = brier.GetValueOrDefault("week4") is { } b && brierBaseline is { } b0 && b0 > 0 ? 1 - (b / b0) : (double?)null;
        return new Candidate(algorithm, model, evaluation, aucs, skill);
    }

    private static List<string> Verdict(Candidate candidate, IReadOnlyDictionary<string, double> thresholds, Dictionary<int, double> ruleAuc,
        int firstGateWeek, DropOffTrainingSettings settings)
    {
        var reasons = new List<string>();
        foreach (var (key, floor) in thresholds)
        {
            var week = int.Parse(key["week".Length..], System.Globalization.CultureInfo.InvariantCulture);
            if (!candidate.Aucs.TryGetValue(week, out var auc) || double.IsNaN(auc) || auc < floor)
            {
                reasons.Add($"ROC-AUC at week {week} is {Show(candidate.Aucs.GetValueOrDefault(week, double.NaN))}, below {floor:F2}");
            }
        }

        if (ruleAuc.TryGetValue(firstGateWeek, out var rule) && !double.IsNaN(rule)
            && candidate.Aucs.GetValueOrDefault(firstGateWeek, double.NaN) < rule + settings.MinLiftOverRule)
        {
            reasons.Add($"ROC-AUC at week {firstGateWeek} does not beat the rule's {rule:F3} by {settings.MinLiftOverRule:F2}");
        }

        if (candidate.BrierSkill is not { } skill || skill < settings.MinBrierSkill)
        {
            reasons.Add($"Brier skill {Show(candidate.BrierSkill ?? double.NaN)} is below {settings.MinBrierSkill:F2}");
        }

        return reasons;
    }

    private static Candidate Best(IReadOnlyList<Candidate> candidates, int week)
    {
        var lr = candidates.FirstOrDefault(c => c.Algorithm == DropOffModel.LogisticRegression);
        var trees = candidates.FirstOrDefault(c => c.Algorithm == DropOffModel.GradientBoostedTrees);
        if (lr is null || trees is null)
        {
            return lr ?? trees!;
        }

        return DropOffEvaluation.PrefersTrees(lr.Aucs.GetValueOrDefault(week, double.NaN), trees.Aucs.GetValueOrDefault(week, double.NaN)) ? trees : lr;
    }

    /// <summary>The rule's ROC-AUC per week on the holdout, from its feature-based conditions (velocity decline, no progress in 7 days).</summary>
    private static Dictionary<int, double> RuleAuc(IReadOnlyList<DropOffExample> holdout, double baseRate)
    {
        var decline = DropOffFeatures.Names.ToList().IndexOf("velocityDecline");
        var idle = DropOffFeatures.Names.ToList().IndexOf("noProgress7d");
        return DropOffTrainingSettings.PredictionWeeks.ToDictionary(
            w => w,
            w =>
            {
                var rows = holdout.Where(x => x.Week == w).ToArray();
                return BinaryQuality.Of(rows.Select(x => x.Label > 0.5f).ToArray(),
                    rows.Select(x => (float)((0.3 * x.Features[decline]) + (0.3 * x.Features[idle]))).ToArray(), baseRate).RocAuc;
            });
    }

    private static double Stability(string algorithm, DropOffHistory[] training, IReadOnlyList<DropOffExample> holdout,
        DropOffTrainingSettings settings, int week, double baseRate)
    {
        var random = new Random(0);
        var rows = holdout.Where(x => x.Week == week).ToArray();
        var aucs = new List<double>();
        for (var run = 0; run < settings.StabilityRuns; run++)
        {
            var sample = Enumerable.Range(0, training.Length).Select(_ => training[random.Next(training.Length)]).ToArray();
            var examples = DropOffExamples.For(sample, settings.Label, DropOffExamples.TrainingWeeks);
            var model = DropOffModel.Fit(algorithm, examples.Select(x => x.Features).ToArray(), examples.Select(x => x.Label).ToArray());
            var predicted = model.Predict(rows.Select(x => x.Features).ToArray());
            aucs.Add(BinaryQuality.Of(rows.Select(x => x.Label > 0.5f).ToArray(), predicted, baseRate).RocAuc);
        }

        if (aucs.Count < 2)
        {
            return 0;
        }

        var mean = aucs.Average();
        return Math.Round(Math.Sqrt(aucs.Sum(a => (a - mean) * (a - mean)) / (aucs.Count - 1)), 4);
    }

    private static CalibrationBin[] Calibration(float[] predicted, float[] labels) =>
        Enumerable.Range(0, 10).Select(bin =>
        {
            var low = bin / 10.0;
            var high = (bin + 1) / 10.0;
            var members = Enumerable.Range(0, predicted.Length).Where(i => predicted[i] >= low && (predicted[i] < high || (bin == 9 && predicted[i] <= 1))).ToArray();
            return new CalibrationBin(low, high,
                members.Length == 0 ? null : Round(members.Average(i => predicted[i])),
                members.Length == 0 ? null : Round(members.Average(i => labels[i])),
                members.Length);
        }).ToArray();

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 3);

    private static string Show(double value) => double.IsNaN(value) ? "unknown" : value.ToString("F3", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Candidate(string Algorithm, DropOffModel Model, ModelEvaluation Evaluation, IReadOnlyDictionary<int, double> Aucs, double? BrierSkill);
}
