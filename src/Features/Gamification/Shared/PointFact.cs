namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>
/// A store fact that earns points (ANALYTICS.md §6.1): its rule, natural key, local day, instant when known (date-only facts sort after
/// the timed facts of their day) and the points it asks for before the daily cap.
/// </summary>
public sealed record PointFact(string Rule, string SourceEventId, DateOnly Day, DateTimeOffset? At, int Points);
