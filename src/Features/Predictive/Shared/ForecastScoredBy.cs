namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>`scoredBy`: how many of the predictions behind this answer the model and the rule made.</summary>
public sealed record ForecastScoredBy(int Model, int Rule);
