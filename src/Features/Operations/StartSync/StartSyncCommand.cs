using Analytics.Api.Features.Operations.Shared;
using Analytics.Api.Shared.Behaviours;
using Mediator;

namespace Analytics.Api.Features.Operations.StartSync;

/// <summary>
/// `POST /integration/sync` (API.md §4.9): a sync of some services (default every enabled one), one organisation or all, incremental
/// or full, in the background; 202 with the job, 409 while one runs or when the source mode has no upstreams.
/// </summary>
public sealed record StartSyncCommand(IReadOnlyList<string>? Upstreams, string? OrganisationId, string Mode) : ICommand<OperatorJob>, IRoleRestricted
{
    public IReadOnlyList<string> AllowedRoles => OperatorRoles.Allowed;
}
