using Analytics.Api.Features.Operations.Shared;
using Analytics.Api.Shared.Behaviours;
using Mediator;

namespace Analytics.Api.Features.Operations.IntegrationHealth;

/// <summary>`GET /integration/health` (API.md §4.9): each upstream's breaker, last sync and latency, for the platform admin.</summary>
public sealed record IntegrationHealthQuery : IQuery<IntegrationHealthReport>, IRoleRestricted
{
    public IReadOnlyList<string> AllowedRoles => OperatorRoles.Allowed;
}
