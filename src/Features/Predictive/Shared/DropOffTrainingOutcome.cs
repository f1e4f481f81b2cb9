namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// What one retrain produced (ANALYTICS.md §5.1): the gate's verdict and reasons, the winning (or best failing) algorithm with
/// its holdout evaluation, the training and holdout ranges, and the model refitted on training + holdout when the gate passed.
/// </summary>
public sealed record DropOffTrainingOutcome(
    ModelQualityGate Gate,
    string? Algorithm,
    ModelDataRange? TrainingData,
    ModelEvaluation? Evaluation,
    IReadOnlyList<ModelFeature> Features,
    DropOffModel? Served);
