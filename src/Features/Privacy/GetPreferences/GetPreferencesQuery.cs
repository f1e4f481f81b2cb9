using Analytics.Api.Features.Privacy.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Mediator;

namespace Analytics.Api.Features.Privacy.GetPreferences;

/// <summary>`GET /privacy/users/{userId}/preferences` (API.md §4.8): the caller's own, under learner, trainer or org-admin.</summary>
public sealed record GetPreferencesQuery(string UserId) : IQuery<PrivacyPreferences>, ISubjectScoped
{
    public SubjectArea Area => SubjectArea.PrivacyPreferences;

    public string SubjectId => UserId;
}
