using System.Text.Json.Serialization;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Comparison.Shared;

/// <summary>
/// A comparison analytic object (ANALYTICS.md §4) with the privacy fields of §0.3/§0.5, sent only when set: every comparison is
/// an aggregate over other people, so it can be withheld in whole (`suppressed`, `message`).
/// </summary>
public abstract record ComparisonPayload : AnalyticPayload
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Suppressed { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }
}
