using System.Text.Json.Serialization;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// The `forecast@1.0` object of ANALYTICS.md §5.2 for a learner (the primary enrolment) and, as cohort means, for the
/// trainer-cohort and org-cohort subjects. `scored`/`reason` say why a learner has no forecast (§5.1 scored population, §0.5
/// opt-out); `expectedCompletions` and `optedOutCount` belong to the cohort forms and are null for a learner.
/// </summary>
public sealed record ForecastPayload : AnalyticPayload
{
    public required bool Scored { get; init; }

    public string? Reason { get; init; }

    public string? CourseId { get; init; }

    public string? CourseTitle { get; init; }

    public required ForecastCurrentPerformance CurrentPerformance { get; init; }

    public required IReadOnlyList<ForecastProjection> ForecastProjections { get; init; }

    public required ForecastTrendAnalysis TrendAnalysis { get; init; }

    public required ForecastConfidenceMetrics ConfidenceMetrics { get; init; }

    /// <summary>pct, 1 dp.</summary>
    public double? PredictedScore { get; init; }

    /// <summary>pct (the 0–1 probability × 100), 1 dp.</summary>
    public double? CompletionProbability { get; init; }

    public double? WeeksToComplete { get; init; }

    public DateOnly? PredictedCompletion { get; init; }

    public required IReadOnlyList<ForecastEnrolment> Enrolments { get; init; }

    /// <summary>Cohort forms: Σ of the scored enrolments' completion probabilities (0–1 values).</summary>
    public double? ExpectedCompletions { get; init; }

    /// <summary>Cohort forms: members left out because they opted out of predictions.</summary>
    public int? OptedOutCount { get; init; }

    public required ForecastModelCards ModelCard { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Suppressed { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }
}
