using Microsoft.ML;
using Microsoft.ML.Data;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// A fitted drop-off (binary) or score (regression) model of ANALYTICS.md §5.1–§5.2 (ML.NET, `MLContext(seed: 0)`): the
/// training medians that stand in for missing feature values, and the ML.NET transformer. <see cref="Predict"/> gives the
/// probability of the positive class for a binary model and the predicted score for a regression model.
/// </summary>
public sealed class DropOffModel
{
    public const string LogisticRegression = "logistic-regression";
    public const string GradientBoostedTrees = "gradient-boosted-trees";
    public const string SdcaRegression = "sdca-regression";
    public const string FastTreeRegression = "fast-tree-regression";

    private readonly MLContext _context;
    private readonly ITransformer _transformer;

    private DropOffModel(string algorithm, float[] medians, MLContext context, ITransformer transformer)
    {
        Algorithm = algorithm;
        Medians = medians;
        _context = context;
        _transformer = transformer;
    }

    public string Algorithm { get; }

    public float[] Medians { get; }

    public bool IsRegression => Algorithm is SdcaRegression or FastTreeRegression;

    /// <summary>Fits <paramref name="algorithm"/> on the rows (features with NaN for missing values; label 1/0, or the score).</summary>
    public static DropOffModel Fit(string algorithm, IReadOnlyList<float[]> features, IReadOnlyList<float> labels)
    {
        var medians = DropOffMedians.Of(features);
        var context = new MLContext(seed: 0);
        ITransformer transformer;
        if (algorithm is SdcaRegression or FastTreeRegression)
        {
            var data = context.Data.LoadFromEnumerable(features.Select((f, i) => new RegressionRow { Features = Fill(f, medians), Label = labels[i] }));
            IEstimator<ITransformer> pipeline = algorithm == SdcaRegression
                ? context.Transforms.NormalizeMeanVariance("Features").Append(context.Regression.Trainers.Sdca(l2Regularization: 0.01f))
                : context.Regression.Trainers.FastTree(numberOfLeaves: 16, numberOfTrees: 100, minimumExampleCountPerLeaf: 20, learningRate: 0.1);
            transformer = pipeline.Fit(data);
        }
        else
        {
            var data = context.Data.LoadFromEnumerable(features.Select((f, i) => new BinaryRow { Features = Fill(f, medians), Label = labels[i] > 0.5f }));
            IEstimator<ITransformer> pipeline = algorithm switch
            {
                LogisticRegression => context.Transforms.NormalizeMeanVariance("Features")
                    .Append(context.BinaryClassification.Trainers.LbfgsLogisticRegression(l2Regularization: 1f)),
                GradientBoostedTrees => context.BinaryClassification.Trainers.FastTree(
                    numberOfLeaves: 16, numberOfTrees: 100, minimumExampleCountPerLeaf: 20, learningRate: 0.1),
                _ => throw new ArgumentException($"Unknown drop-off algorithm '{algorithm}'.", nameof(algorithm)),
            };
            transformer = pipeline.Fit(data);
        }

        return new DropOffModel(algorithm, medians, context, transformer);
    }

    public float[] Predict(IReadOnlyList<float[]> features)
    {
        if (features.Count == 0)
        {
            return [];
        }

        if (IsRegression)
        {
            var data = _context.Data.LoadFromEnumerable(features.Select(f => new RegressionRow { Features = Fill(f, Medians) }));
            return _transformer.Transform(data).GetColumn<float>("Score").ToArray();
        }

        var rows = _context.Data.LoadFromEnumerable(features.Select(f => new BinaryRow { Features = Fill(f, Medians) }));
        return _transformer.Transform(rows).GetColumn<float>("Probability").ToArray();
    }

    private static float[] Fill(float[] features, float[] medians)
    {
        var filled = (float[])features.Clone();
        for (var i = 0; i < filled.Length; i++)
        {
            if (float.IsNaN(filled[i]))
            {
                filled[i] = medians[i];
            }
        }

        return filled;
    }

    private sealed class BinaryRow
    {
        [VectorType(DropOffFeatures.Count)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    private sealed class RegressionRow
    {
        [VectorType(DropOffFeatures.Count)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}
