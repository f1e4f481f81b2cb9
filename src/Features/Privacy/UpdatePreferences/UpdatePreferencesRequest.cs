namespace Analytics.Api.Features.Privacy.UpdatePreferences;

/// <summary>The body `{leaderboardPrivacy, predictiveOptOut}`, both required.</summary>
public sealed record UpdatePreferencesRequest(string? LeaderboardPrivacy, bool? PredictiveOptOut);
