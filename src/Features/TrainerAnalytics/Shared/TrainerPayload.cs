using System.Text.Json.Serialization;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>
/// A trainer analytic object (ANALYTICS.md §2) with the privacy fields of §0.3/§0.5, which are sent only when set: trainer
/// analytics aggregate over students, so every one of them can be withheld in whole or in part.
/// </summary>
public abstract record TrainerPayload : AnalyticPayload
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Suppressed { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SuppressedFields { get; init; }
}
