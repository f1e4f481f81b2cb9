namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>A row already in `gamification.point_events`: awarded once, never awarded again or rewritten.</summary>
public sealed record AwardedPoints(string Rule, string SourceEventId, DateOnly Day, int Points, bool Capped, DateTimeOffset AwardedAt);
