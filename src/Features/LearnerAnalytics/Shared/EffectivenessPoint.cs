namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>One point of `effectivenessHistory` (every 30 days): the overall effectiveness with that day as the period's end.</summary>
public sealed record EffectivenessPoint(DateOnly Date, double Effectiveness);
