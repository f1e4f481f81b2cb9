using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>The computed payload and what was withheld from it (`meta.suppression`), or null.</summary>
public sealed record ForecastResult(ForecastPayload Payload, SuppressionInfo? Suppression);
