namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>The caller's organisation as a leaderboard needs it: zone, today, k override and data facts (LeaderboardContext.sql).</summary>
public sealed record LeaderboardOrganisation(string TimeZone, DateOnly Today, int? MinGroupSize, string Source, DateTimeOffset? DataAsOf);
