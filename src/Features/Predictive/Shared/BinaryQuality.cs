using Microsoft.ML;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// The quality of binary predictions (protocol "OULAD early warning"): ROC-AUC and PR-AUC from ML.NET's evaluator, the Brier
/// score (mean squared error of the probability) and its baseline (always predicting <paramref name="baseRate"/>).
/// </summary>
public sealed record BinaryQuality(int Count, int Positives, double RocAuc, double PrAuc, double Brier, double BrierBaseline)
{
    public static BinaryQuality Of(IReadOnlyList<bool> labels, IReadOnlyList<float> probabilities, double baseRate)
    {
        var positives = labels.Count(l => l);
        var brier = labels.Select((l, i) => Math.Pow(probabilities[i] - (l ? 1 : 0), 2)).DefaultIfEmpty(double.NaN).Average();
        var baseline = labels.Select(l => Math.Pow(baseRate - (l ? 1 : 0), 2)).DefaultIfEmpty(double.NaN).Average();
        if (positives == 0 || positives == labels.Count)
        {
            return new BinaryQuality(labels.Count, positives, double.NaN, double.NaN, brier, baseline);
        }

        var context = new MLContext(seed: 0);
        var data = context.Data.LoadFromEnumerable(labels.Select((l, i) => new Scored
        {
            Label = l,
            Probability = probabilities[i],
            Score = (float)Math.Log(Math.Max(probabilities[i], 1e-7) / Math.Max(1 - probabilities[i], 1e-7)),
            PredictedLabel = probabilities[i] >= 0.5f,
        }));
        var metrics = context.BinaryClassification.Evaluate(data);
        return new BinaryQuality(labels.Count, positives, metrics.AreaUnderRocCurve, metrics.AreaUnderPrecisionRecallCurve, brier, baseline);
    }

    private sealed class Scored
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
