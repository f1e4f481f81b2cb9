using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Mediator;

namespace Analytics.Api.Features.Refresh.RefreshStatus;

/// <summary>`GET /analytics/refresh/{jobId}` (API.md §4.6): readable by whoever may read the job's subject, and platform admins.</summary>
public sealed record RefreshStatusQuery(string JobId) : IQuery<RefreshJobStatus>, IRoleRestricted
{
    public IReadOnlyList<string> AllowedRoles => Roles.Ordered;
}
