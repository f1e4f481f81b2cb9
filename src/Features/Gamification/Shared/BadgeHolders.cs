namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>A badge and how many point-earning learners of the organisation hold it (GamificationLearner.sql).</summary>
public sealed record BadgeHolders(string BadgeId, int Holders);
