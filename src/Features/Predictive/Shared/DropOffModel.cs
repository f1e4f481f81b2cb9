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
    private readonly DataViewSchema _schema;

    private DropOffModel(string algorithm, float[] medians, MLContext context, ITransformer transformer, DataViewSchema schema)
    {
        Algorithm = algorithm;
        Medians = medians;
        _context = context;
        _transformer = transformer;
        _schema = schema;
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
        DataViewSchema schema;
        if (algorithm is SdcaRegression or FastTreeRegression)
        {
            var data = context.Data.LoadFromEnumerable(features.Select((f, i) => new RegressionRow { Features = Fill(f, medians), Label = labels[i] }));
            IEstimator<ITransformer> pipeline = algorithm == SdcaRegression
                ? context.Transforms.NormalizeMeanVariance("Features").Append(context.Regression.Trainers.Sdca(l2Regularization: 0.01f))
                : context.Regression.Trainers.FastTree(numberOfLeaves: 16, numberOfTrees: 100, minimumExampleCountPerLeaf: 20, learningRate: 0.1);
            transformer = pipeline.Fit(data);
            schema = data.Schema;
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
            schema = data.Schema;
        }

        return new DropOffModel(algorithm, medians, context, transformer, schema);
    }

    /// <summary>A model saved by <see cref="Save"/> (parameters only, never training rows: DATA_MODEL.md §3).</summary>
    public static DropOffModel Load(string algorithm, float[] medians, byte[] blob)
    {
        var context = new MLContext(seed: 0);
        using var stream = new MemoryStream(blob, writable: false);
        var transformer = context.Model.Load(stream, out var schema);
        return new DropOffModel(algorithm, medians, context, transformer, schema);
    }

    /// <summary>The ML.NET model as bytes (model_versions.model_blob, format <see cref="BlobFormat"/>).</summary>
    public byte[] Save()
    {
        using var stream = new MemoryStream();
        _context.Model.Save(_transformer, _schema, stream);
        return stream.ToArray();
    }

    public const string BlobFormat = "mlnet-zip-v1";

    /// <summary>
    /// The share of the model's weight on each feature (sums to 1): |β| of the standardised logistic regression, the split gains
    /// of the trees. What the model card's `features[].importance` shows.
    /// </summary>
    public float[] Importance()
    {
        var weights = new VBuffer<float>();
        var last = _transformer is IEnumerable<ITransformer> chain ? chain.Last() : _transformer;
        switch (last)
        {
            case ISingleFeaturePredictionTransformer<object> { Model: Microsoft.ML.Calibrators.CalibratedModelParametersBase<Microsoft.ML.Trainers.LinearBinaryModelParameters, Microsoft.ML.Calibrators.PlattCalibrator> linear }:
                weights = new VBuffer<float>(DropOffFeatures.Count, linear.SubModel.Weights.ToArray());
                break;
            case ISingleFeaturePredictionTransformer<object> { Model: Microsoft.ML.Calibrators.CalibratedModelParametersBase<Microsoft.ML.Trainers.FastTree.FastTreeBinaryModelParameters, Microsoft.ML.Calibrators.PlattCalibrator> trees }:
                trees.SubModel.GetFeatureWeights(ref weights);
                break;
            case ISingleFeaturePredictionTransformer<object> { Model: Microsoft.ML.Trainers.LinearRegressionModelParameters linearRegression }:
                weights = new VBuffer<float>(DropOffFeatures.Count, linearRegression.Weights.ToArray());
                break;
            case ISingleFeaturePredictionTransformer<object> { Model: Microsoft.ML.Trainers.FastTree.FastTreeRegressionModelParameters treeRegression }:
                treeRegression.GetFeatureWeights(ref weights);
                break;
        }

        var values = weights.DenseValues().Select(Math.Abs).ToArray();
        var total = values.Sum();
        return values.Length == DropOffFeatures.Count && total > 0 ? values.Select(v => v / total).ToArray() : new float[DropOffFeatures.Count];
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

    /// <summary>
    /// A single-row scorer for a binary model (ML.NET's prediction engine: microseconds per row, not thread-safe, so one per
    /// caller). Missing values take the training medians as in <see cref="Predict"/>.
    /// </summary>
    public Func<float[], float> CreateScorer()
    {
        if (IsRegression)
        {
            throw new InvalidOperationException("A regression model has no probability scorer.");
        }

        var engine = _context.Model.CreatePredictionEngine<BinaryRow, BinaryScore>(_transformer);
        return features => engine.Predict(new BinaryRow { Features = Fill(features, Medians) }).Probability;
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

    private sealed class BinaryScore
    {
        public float Probability { get; set; }
    }

    private sealed class RegressionRow
    {
        [VectorType(DropOffFeatures.Count)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}
