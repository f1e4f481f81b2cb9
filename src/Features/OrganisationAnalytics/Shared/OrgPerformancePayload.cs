using System.Text.Json.Serialization;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>
/// The `org-performance@1.0` object of ANALYTICS.md §3.4. `businessImpactSource` says which `businessImpact` keys come from the
/// organisation's own `kpis` rows ("kpi"); `components` (extra) holds the four inputs of overallPerformance as ratios.
/// </summary>
public sealed record OrgPerformancePayload : AnalyticPayload
{
    /// <summary>ratio 0–1, 2 dp.</summary>
    public double? OverallPerformance { get; init; }

    public required OrgPerformanceMetrics PerformanceMetrics { get; init; }

    public required OrgPerformanceKpis KeyPerformanceIndicators { get; init; }

    public required IReadOnlyList<OrgDepartmentPerformance> DepartmentPerformance { get; init; }

    public required OrgBusinessImpact BusinessImpact { get; init; }

    public required IReadOnlyDictionary<string, string> BusinessImpactSource { get; init; }

    public required OrgPerformanceBenchmarks Benchmarks { get; init; }

    public required OrgPerformanceTrends Trends { get; init; }

    public required IReadOnlyList<OrgPerformanceRecommendation> Recommendations { get; init; }

    /// <summary>pct-points; null (in `notAvailable`) in v1, see the calculator.</summary>
    public double? AiVsManualDelta { get; init; }

    public required OrgPerformanceComponents Components { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Suppressed { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SuppressedFields { get; init; }
}
