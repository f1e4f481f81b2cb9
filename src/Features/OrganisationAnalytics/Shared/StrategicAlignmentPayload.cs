using System.Text.Json.Serialization;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>The `strategic-alignment@1.0` object of ANALYTICS.md §3.2 (`departmentId` names the filter, null for the organisation).</summary>
public sealed record StrategicAlignmentPayload : AnalyticPayload
{
    public string? DepartmentId { get; init; }

    /// <summary>ratio 0–1, 2 dp.</summary>
    public double? OverallAlignment { get; init; }

    public string? AlignmentGrade { get; init; }

    public string? Period { get; init; }

    public required IReadOnlyList<AlignmentGoal> StrategicGoals { get; init; }

    public required AlignmentGapAnalysis GapAnalysis { get; init; }

    public required IReadOnlyList<AlignmentRecommendation> Recommendations { get; init; }

    public required AlignmentComponents Components { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Suppressed { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SuppressedFields { get; init; }
}
