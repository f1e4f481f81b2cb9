namespace Analytics.Api.Features.Gamification.Stats;

/// <summary>`recentActivity[]` {type, points, description, timestamp}: a ledger row; timestamp is when it was awarded.</summary>
public sealed record StatsActivity(string Type, int Points, string Description, DateTimeOffset Timestamp);
