namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>A health score: the unrounded weighted value, the published score100, its label, and the components it used.</summary>
public sealed record HealthScore(double? Value, int? Score, string? Label, IReadOnlyList<string> ComponentsUsed);
