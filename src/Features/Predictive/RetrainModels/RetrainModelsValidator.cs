using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Predictive.RetrainModels;

/// <summary>`analytic` is required and only `drop-off-risk` is retrained; `organisationId` follows the id rule.</summary>
public sealed class RetrainModelsValidator : AbstractValidator<RetrainModelsCommand>
{
    public RetrainModelsValidator()
    {
        RuleFor(c => c.Analytic).NotEmpty().WithMessage("is required")
            .Equal(DropOffModelStore.ModelKind).WithMessage($"must be {DropOffModelStore.ModelKind}");
        RuleFor(c => c.OrganisationId).MustBeId().When(c => c.OrganisationId is not null);
    }
}
