using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Errors;
using Mediator;

namespace Analytics.Api.Features.Predictive.ListModels;

/// <summary>
/// Reads the cards in the caller's scope (one statement); a drop-off list of one organisation with no model in use gets its rule
/// card, carrying the newest version's gate. A card by id is looked up in any kind; the rule card by its own id.
/// </summary>
public sealed class ListModelsHandler(DropOffModelStore store, CurrentUserAccessor currentUser, IConfiguration configuration)
    : IQueryHandler<ListModelsQuery, ModelList>
{
    public async ValueTask<ModelList> Handle(ListModelsQuery query, CancellationToken cancellationToken)
    {
        var caller = currentUser.Required;
        var platform = caller.ActiveRole == Roles.PlatformAdmin;
        if (!platform && query.OrganisationId is not null && query.OrganisationId != caller.OrganisationId)
        {
            throw Problems.AccessDenied();
        }

        var organisation = platform ? query.OrganisationId : caller.OrganisationId;
        string[]? scope = organisation is null ? null : [organisation];
        var settings = DropOffTrainingSettings.From(configuration);
        var rule = query.ModelId == DropOffModelStore.RuleCardId;
        var cards = (!platform && organisation is null) || rule
            ? []
            : (await store.CardsAsync(scope, query.ModelId, settings.MaxModelAgeDays, cancellationToken, query.ModelId is null ? query.ModelKind : null)).ToList();
        if (organisation is not null && (rule || (query.ModelId is null && query.ModelKind == DropOffModelStore.ModelKind)) && !cards.Any(c => c.InUse))
        {
            var gate = cards.Count > 0 ? cards[0].QualityGate : await store.LatestGateAsync(organisation, settings.MaxModelAgeDays, cancellationToken);
            cards.Add(DropOffModelStore.RuleCard(organisation, settings, gate));
        }

        var shown = cards.Where(c => query.InUse is null || c.InUse == query.InUse).ToArray();
        if (query.ModelId is not null && shown.Length == 0)
        {
            throw PredictiveProblems.ModelNotFound();
        }

        return new ModelList(shown);
    }
}
