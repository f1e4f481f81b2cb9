namespace Analytics.Api.Features.Gamification.Stats;

/// <summary>`streaks` {current, longest, average, freezesHeld}.</summary>
public sealed record StatsStreaks(int Current, int Longest, double? Average, int FreezesHeld);
