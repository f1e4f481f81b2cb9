namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>One counted fact of a badge family and its local day (GamificationFacts.sql, statement 3).</summary>
public sealed record EvidenceRow(string Evidence, DateOnly Day);
