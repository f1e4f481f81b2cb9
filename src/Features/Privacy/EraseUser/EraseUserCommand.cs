using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Mediator;

namespace Analytics.Api.Features.Privacy.EraseUser;

/// <summary>
/// `DELETE /privacy/users/{userId}` and its alias `/privacy/user/{userId}` (API.md §4.8): `confirm` must repeat the id.
/// </summary>
public sealed record EraseUserCommand(string UserId, string? Confirm, string? RequestId) : ICommand<ErasureReceipt>, ISubjectScoped
{
    public SubjectArea Area => SubjectArea.PrivacyRequests;

    public string SubjectId => UserId;
}
