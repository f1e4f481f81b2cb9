namespace Analytics.Tests.Security;

/// <summary>What the store holds about one user of the access matrix.</summary>
public sealed record UserFacts(string OrganisationId, string[] Roles, string LeaderboardPrivacy, bool PredictiveOptOut);
