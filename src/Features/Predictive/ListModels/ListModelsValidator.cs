using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Predictive.ListModels;

/// <summary>`analytic` ∈ drop-off-risk, forecast; ids follow the id rule.</summary>
public sealed class ListModelsValidator : AbstractValidator<ListModelsQuery>
{
    public ListModelsValidator()
    {
        RuleFor(q => q.Analytic).Must(a => a is DropOffModelStore.ModelKind or "forecast")
            .WithMessage("must be drop-off-risk or forecast").When(q => q.Analytic is not null);
        RuleFor(q => q.OrganisationId).MustBeId().When(q => q.OrganisationId is not null);
        RuleFor(q => q.ModelId).MustBeId().When(q => q.ModelId is not null);
    }
}
