namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>`modelCard` of a forecast (ANALYTICS.md §5.2): the card of the score scorer and of the completion scorer.</summary>
public sealed record ForecastModelCards(ForecastModelCard Score, ForecastModelCard Completion);
