namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>A new ledger row: the points asked for, the points granted under the daily cap, and whether the cap cut it.</summary>
public sealed record LedgerEntry(string Rule, string SourceEventId, DateOnly Day, int PointsRequested, int Points, bool Capped);
