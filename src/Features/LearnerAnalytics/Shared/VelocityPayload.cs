using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>The `velocity@1.0` object of ANALYTICS.md §1.1.</summary>
public sealed record VelocityPayload : AnalyticPayload
{
    public int? CurrentVelocity { get; init; }

    public string? Momentum { get; init; }

    public string? Trend { get; init; }

    public required IReadOnlyDictionary<string, VelocityWindow?> TimeWindows { get; init; }

    public required IReadOnlyList<VelocityPoint> VelocityHistory { get; init; }

    public required IReadOnlyDictionary<string, double?> UnitsPerWeek { get; init; }

    public double? TargetUnitsPerWeek { get; init; }

    public int? RemainingUnits { get; init; }

    public bool? Stalled { get; init; }

    public DateOnly? EstimatedCompletion { get; init; }
}
