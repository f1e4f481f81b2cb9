using System.Text.Json.Serialization;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>
/// The `learning-culture@1.0` object of ANALYTICS.md §3.3, with the privacy fields of §0.3/§0.5 sent only when set (an
/// organisation or department below k gets the suppressed shape).
/// </summary>
public sealed record LearningCulturePayload : AnalyticPayload
{
    /// <summary>maturity/100, ratio 2 dp.</summary>
    public double? OverallCultureScore { get; init; }

    public string? CultureGrade { get; init; }

    public required string Period { get; init; }

    public required CultureMetrics Metrics { get; init; }

    public required CulturalIndicators CulturalIndicators { get; init; }

    public required CultureBenchmarks Benchmarks { get; init; }

    public required IReadOnlyList<string> Recommendations { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Suppressed { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SuppressedFields { get; init; }
}
