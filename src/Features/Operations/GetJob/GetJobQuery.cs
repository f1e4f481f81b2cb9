using Analytics.Api.Features.Operations.Shared;
using Analytics.Api.Shared.Behaviours;
using Mediator;

namespace Analytics.Api.Features.Operations.GetJob;

/// <summary>`GET /admin/jobs/{jobId}` (API.md §4.9): one job of any type, for the platform admin.</summary>
public sealed record GetJobQuery(string JobId) : IQuery<OperatorJob>, IRoleRestricted
{
    public IReadOnlyList<string> AllowedRoles => OperatorRoles.Allowed;
}
