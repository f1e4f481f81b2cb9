using Analytics.Api.Features.Operations.Shared;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.Operations.StartRecalculation;

/// <summary>
/// `POST /admin/recalculations` (API.md §4.9): runs the nightly recalculation now, in the background, optionally for one
/// organisation and some analytics (ids of API.md §4.0, older names accepted); 202 with the job, or 409 while one runs.
/// </summary>
public sealed record StartRecalculationCommand(string? OrganisationId, IReadOnlyList<string>? Analytics) : ICommand<OperatorJob>, IRoleRestricted
{
    public const int MaxAnalytics = 25;

    public IReadOnlyList<string> AllowedRoles => OperatorRoles.Allowed;

    /// <summary>The canonical id of an analytic of any family (`learner-velocity` → `velocity`), or null when none has it.</summary>
    public static string? Canonical(string id) =>
        new[] { RoleFamilies.Learner, RoleFamilies.Trainer, RoleFamilies.OrgAdmin }
            .Select(family => RoleFamilies.Canonical(family, id))
            .FirstOrDefault(canonical => canonical is not null);
}
