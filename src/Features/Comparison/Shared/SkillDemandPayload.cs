namespace Analytics.Api.Features.Comparison.Shared;

/// <summary>The `skill-demand@1.0` object of ANALYTICS.md §4.2 (platform-internal demand, not job-market data).</summary>
public sealed record SkillDemandPayload : ComparisonPayload
{
    public required IReadOnlyList<SkillDemandRow> SkillDemand { get; init; }

    public required IReadOnlyList<MarketInsight> MarketInsights { get; init; }

    public object? IndustryTrends { get; init; }

    public object? GeographicDistribution { get; init; }

    public object? SalaryRanges { get; init; }
}
