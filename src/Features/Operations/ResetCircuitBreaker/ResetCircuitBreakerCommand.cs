using Analytics.Api.Features.Operations.Shared;
using Analytics.Api.Shared.Behaviours;
using Mediator;

namespace Analytics.Api.Features.Operations.ResetCircuitBreaker;

/// <summary>`POST /integration/circuit-breaker/{upstream}/reset` (API.md §4.9): closes this instance's breakers of one service.</summary>
public sealed record ResetCircuitBreakerCommand(string Upstream) : ICommand<BreakerReset>, IRoleRestricted
{
    public IReadOnlyList<string> AllowedRoles => OperatorRoles.Allowed;
}
