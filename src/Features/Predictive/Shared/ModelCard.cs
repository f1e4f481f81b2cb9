namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// A model card (API.md §4.4; ANALYTICS.md §5.1): what scored a prediction, on what data it was trained, how it did on the
/// temporal holdout and whether it passed its quality gate. Rule cards have `kind: "rule"`, no training and the rule's metrics.
/// </summary>
public record ModelCard
{
    public required string Id { get; init; }

    public required string Analytic { get; init; }

    public string? OrganisationId { get; init; }

    public required string Kind { get; init; }

    public required string Algorithm { get; init; }

    public required string Version { get; init; }

    public required string Status { get; init; }

    public bool InUse { get; init; }

    public required string Label { get; init; }

    public required string FeatureSet { get; init; }

    public DateTimeOffset? TrainedAt { get; init; }

    public ModelDataRange? TrainingData { get; init; }

    public ModelEvaluation? Evaluation { get; init; }

    public required ModelQualityGate QualityGate { get; init; }

    public required string FallbackRule { get; init; }

    public IReadOnlyList<ModelFeature> Features { get; init; } = [];

    public object? Fairness { get; init; }

    public IReadOnlyList<string> Limitations { get; init; } = [];
}

public sealed record ModelDataRange(DateOnly? From, DateOnly? To, int Enrolments, int Positives);

/// <summary>The holdout figures (`evaluation`): per prediction week ("week4"), before the winner's refit on all data.</summary>
public sealed record ModelEvaluation
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public int Enrolments { get; init; }

    public int Positives { get; init; }

    public IReadOnlyList<int> PredictionWeeks { get; init; } = [];

    public IReadOnlyDictionary<string, double?> RocAuc { get; init; } = new Dictionary<string, double?>();

    public IReadOnlyDictionary<string, double?> PrAuc { get; init; } = new Dictionary<string, double?>();

    public IReadOnlyDictionary<string, double?> Brier { get; init; } = new Dictionary<string, double?>();

    public double? BrierBaseline { get; init; }

    public IReadOnlyList<CalibrationBin> Calibration { get; init; } = [];

    public ModelStability? Stability { get; init; }

    public IReadOnlyDictionary<string, double?> RuleRocAuc { get; init; } = new Dictionary<string, double?>();

    /// <summary>Score models (§5.2): mean absolute error per week, that of the training-mean predictor, and the RMSE (σ of the forecast).</summary>
    public IReadOnlyDictionary<string, double?>? Mae { get; init; }

    public IReadOnlyDictionary<string, double?>? MaeBaseline { get; init; }

    public double? Rmse { get; init; }

    /// <summary>The share (0–1) of holdout predictions within ±Forecast:AccuracyBand points (the forecast's `forecastAccuracy`).</summary>
    public double? WithinBand { get; init; }
}

public sealed record CalibrationBin(double BinLow, double BinHigh, double? MeanPredicted, double? ObservedRate, int Count);

public sealed record ModelStability(int Runs, double? AucStdDev);

public sealed record ModelQualityGate(string Metric, IReadOnlyDictionary<string, double> Thresholds, bool Passed, string Status, IReadOnlyList<string> Reasons);

public sealed record ModelFeature(string Name, string Description, double Importance);
