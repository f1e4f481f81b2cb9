using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Errors;
using Mediator;

namespace Analytics.Api.Features.Predictive.ListModels;

/// <summary>Reads the cards in the caller's scope and adds the rule card of an organisation that has no model in use.</summary>
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
        var settings = DropOffTrainingSettings.From(configuration);
        var cards = new List<ModelCard>();
        if (query.ModelKind == DropOffModelStore.ForecastKind)
        {
            cards.AddRange(await store.CardsAsync(organisation is null ? null : [organisation], query.ModelId, settings.MaxModelAgeDays, cancellationToken, DropOffModelStore.ForecastKind));
        }
        else if (platform || organisation is not null)
        {
            var modelId = query.ModelId == RuleCardId ? null : query.ModelId;
            cards.AddRange(await store.CardsAsync(organisation is null ? null : [organisation], modelId, settings.MaxModelAgeDays, cancellationToken));
            if (query.ModelId is not null && query.ModelId != RuleCardId && cards.Count == 0)
            {
                cards.AddRange(await store.CardsAsync(organisation is null ? null : [organisation], modelId, settings.MaxModelAgeDays, cancellationToken, DropOffModelStore.ForecastKind));
            }
            if (query.ModelId == RuleCardId)
            {
                cards.Clear();
            }

            if (organisation is not null && (query.ModelId is null || query.ModelId == RuleCardId) && !cards.Any(c => c.InUse))
            {
                var stored = await store.CardsAsync([organisation], null, settings.MaxModelAgeDays, cancellationToken);
                cards.Add(DropOffModelStore.RuleCard(organisation, settings, stored.Count > 0 ? stored[0].QualityGate : null));
            }
        }

        var shown = cards.Where(c => query.InUse is null || c.InUse == query.InUse).ToArray();
        if (query.ModelId is not null && shown.Length == 0)
        {
            throw PredictiveProblems.ModelNotFound();
        }

        return new ModelList(shown);
    }

    private const string RuleCardId = "rule-dropoff-1";
}
