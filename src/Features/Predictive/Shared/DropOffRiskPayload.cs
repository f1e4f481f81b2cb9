using System.Text.Json.Serialization;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// The `drop-off-risk@1.0` object of ANALYTICS.md §5.1. Learner, trainer-cohort and org-cohort subjects share the shape; the
/// cohort extras (`distribution`, `optedOutCount`, `atRiskLearners`) and the privacy fields (`suppressed`, `message`) are sent
/// only when set.
/// </summary>
public sealed record DropOffRiskPayload : AnalyticPayload
{
    public bool Scored { get; init; }

    /// <summary>Why nothing was scored: `opted-out`, `too-early`, `no-active-enrolment`; null when scored.</summary>
    public string? Reason { get; init; }

    public string? RiskLevel { get; init; }

    public required DropOffRiskAssessment RiskAssessment { get; init; }

    public required IReadOnlyList<DropOffRiskEnrolment> Enrolments { get; init; }

    public required IReadOnlyList<DropOffEngagementPattern> EngagementPatterns { get; init; }

    public required IReadOnlyList<DropOffWarningSignal> WarningSignals { get; init; }

    public required IReadOnlyList<DropOffIntervention> InterventionRecommendations { get; init; }

    public required IReadOnlyList<DropOffRiskFactor> Factors { get; init; }

    public required DropOffModelCard ModelCard { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DropOffRiskDistribution? Distribution { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? OptedOutCount { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AtRiskItem>? AtRiskLearners { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Suppressed { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }
}
