using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Mediator;

namespace Analytics.Api.Features.Privacy.ExportUserData;

/// <summary>`GET /privacy/users/{userId}/export` (API.md §4.8): self, an org-admin for members, a platform admin for anyone.</summary>
public sealed record ExportUserDataQuery(string UserId, string? RequestId) : IQuery<UserDataExport>, ISubjectScoped
{
    public SubjectArea Area => SubjectArea.PrivacyRequests;

    public string SubjectId => UserId;
}
