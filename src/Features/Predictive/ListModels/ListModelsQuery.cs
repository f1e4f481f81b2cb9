using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Mediator;

namespace Analytics.Api.Features.Predictive.ListModels;

/// <summary>
/// `GET /predictive/models` and `/predictive/models/{modelId}` (API.md §4.4): the model cards of the caller's organisation (any
/// role) or of any organisation (platform admin, optionally one with `organisationId`), newest first, with the organisation's
/// rule card whenever no model is in use; `inUse` narrows the list.
/// </summary>
public sealed record ListModelsQuery(string? Analytic, string? OrganisationId, bool? InUse, string? ModelId) : IQuery<ModelList>, IRoleRestricted
{
    public IReadOnlyList<string> AllowedRoles => Roles.Ordered;

    public string ModelKind => Analytic ?? DropOffModelStore.ModelKind;
}

/// <summary>The list body (not enveloped: API.md §1.2 keeps `/predictive/models…` out of the envelope).</summary>
public sealed record ModelList(IReadOnlyList<ModelCard> Models);
