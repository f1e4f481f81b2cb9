namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// `modelCard` of a drop-off prediction: the API.md §4.4 model card of the scorer used, plus `fallbackUsed`, `fallbackReason`
/// and `scoredBy` (ANALYTICS.md §5.1). Built in one place, <see cref="DropOffRiskModelCards"/>.
/// </summary>
public sealed record DropOffModelCard(
    string? Id,
    string Analytic,
    string? OrganisationId,
    string Kind,
    string Algorithm,
    string Version,
    string Status,
    bool InUse,
    string Label,
    string? FeatureSet,
    DateTimeOffset? TrainedAt,
    object? TrainingData,
    object? Evaluation,
    DropOffQualityGate QualityGate,
    string FallbackRule,
    IReadOnlyList<DropOffModelFeature> Features,
    object? Fairness,
    IReadOnlyList<string> Limitations,
    bool FallbackUsed,
    string? FallbackReason,
    DropOffScoredBy ScoredBy);
