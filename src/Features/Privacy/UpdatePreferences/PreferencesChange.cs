namespace Analytics.Api.Features.Privacy.UpdatePreferences;

/// <summary>The settings before the update, and the person's organisation.</summary>
public sealed record PreferencesChange(string PreviousLeaderboardPrivacy, bool PreviousPredictiveOptOut, string OrganisationId);
