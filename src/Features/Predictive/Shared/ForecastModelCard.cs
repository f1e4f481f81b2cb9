namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// A model card (API.md §4.4) plus `fallbackUsed`, `fallbackReason` and `scoredBy` (ANALYTICS.md §5.1). Under a rule: kind
/// `rule`, algorithm = the rule id, no training, every metric null, the gate not evaluated.
/// </summary>
public sealed record ForecastModelCard(
    string? Id,
    string Analytic,
    string? OrganisationId,
    string Kind,
    string Algorithm,
    string Version,
    string Status,
    bool InUse,
    string? Label,
    string? FeatureSet,
    DateTimeOffset? TrainedAt,
    ForecastTrainingData? TrainingData,
    object? Evaluation,
    ForecastQualityGate QualityGate,
    string FallbackRule,
    IReadOnlyList<ForecastModelFeature> Features,
    object? Fairness,
    IReadOnlyList<string> Limitations,
    bool FallbackUsed,
    string? FallbackReason,
    ForecastScoredBy ScoredBy);
