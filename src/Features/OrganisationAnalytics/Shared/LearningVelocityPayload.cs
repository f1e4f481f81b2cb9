using System.Text.Json.Serialization;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>The `learning-velocity@1.0` object of ANALYTICS.md §3.1 (`velocity` is the block's extra).</summary>
public sealed record LearningVelocityPayload : AnalyticPayload
{
    public required string Period { get; init; }

    public required LearningVelocityOverview Overview { get; init; }

    public required LearningVelocityRoi RoiMetrics { get; init; }

    public required IReadOnlyList<LearningVelocityDepartment> DepartmentBreakdown { get; init; }

    public required LearningVelocityTrends Trends { get; init; }

    public required LearningVelocityBands Velocity { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Suppressed { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SuppressedFields { get; init; }
}
