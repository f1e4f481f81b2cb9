using System.Text.Json.Serialization;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// The `recommendations@1.0` object of ANALYTICS.md §5.3 (learner, trainer-cohort and org-cohort forms share it), with the
/// privacy fields of §0.3/§0.5 sent only when set (a cohort below k gets the suppressed shape).
/// </summary>
public sealed record RecommendationsPayload : AnalyticPayload
{
    public required IReadOnlyList<RecommendationItem> Recommendations { get; init; }

    public required IReadOnlyList<RecommendationCategory> Categories { get; init; }

    public required RecommendationSummary Summary { get; init; }

    public required IReadOnlyList<RecommendationInsight> Insights { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Suppressed { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }
}
