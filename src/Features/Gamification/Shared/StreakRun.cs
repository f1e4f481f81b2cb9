namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>A run of consecutive local days, each active or covered by a freeze; Length counts active days only (ANALYTICS.md §6.3).</summary>
public sealed record StreakRun(DateOnly Start, DateOnly End, int Length, int FreezesUsed, bool Active);
