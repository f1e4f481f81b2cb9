using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Operations.StartSync;

/// <summary>Mode `incremental` or `full`; an organisation id of the id rule; 1–9 upstream names (unknown names are 404 in the handler).</summary>
public sealed class StartSyncValidator : AbstractValidator<StartSyncCommand>
{
    public StartSyncValidator()
    {
        RuleFor(c => c.Mode).Must(m => m is "incremental" or "full").WithMessage("must be 'incremental' or 'full'");
        RuleFor(c => c.OrganisationId).MustBeId().When(c => c.OrganisationId is not null);
        RuleFor(c => c.Upstreams!.Count).InclusiveBetween(1, 9).OverridePropertyName("upstreams")
            .WithMessage("must name 1 to 9 upstream services").When(c => c.Upstreams is not null);
        RuleForEach(c => c.Upstreams).NotEmpty().MaximumLength(64).When(c => c.Upstreams is not null);
    }
}
