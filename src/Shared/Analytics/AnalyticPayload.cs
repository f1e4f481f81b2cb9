using System.Text.Json.Serialization;

namespace Analytics.Api.Shared.Analytics;

/// <summary>
/// The fields every analytic object carries (ANALYTICS.md §0.3). Freshness fields are filled when the envelope is written,
/// since staleness depends on the time of the read, not of the computation.
/// </summary>
public abstract record AnalyticPayload
{
    public DateTimeOffset? LastUpdated { get; init; }

    public bool IsStale { get; init; }

    public string Staleness { get; init; } = "fresh";

    public DateOnly? AsOf { get; init; }

    public string Source { get; init; } = "demo";

    public bool Degraded { get; init; }

    public required string DefinitionVersion { get; init; }

    public string DataStatus { get; init; } = DataStatuses.Ok;

    public IReadOnlyList<string> NotAvailable { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? ComponentsUsed { get; init; }
}
