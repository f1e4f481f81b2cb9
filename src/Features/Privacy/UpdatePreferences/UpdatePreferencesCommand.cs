using Analytics.Api.Features.Privacy.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Mediator;

namespace Analytics.Api.Features.Privacy.UpdatePreferences;

/// <summary>`PUT /privacy/users/{userId}/preferences` (API.md §4.8): the caller's own; the affected snapshots are recomputed.</summary>
public sealed record UpdatePreferencesCommand(string UserId, string? LeaderboardPrivacy, bool? PredictiveOptOut, string? RequestId)
    : ICommand<PrivacyPreferences>, ISubjectScoped
{
    public SubjectArea Area => SubjectArea.PrivacyPreferences;

    public string SubjectId => UserId;
}
