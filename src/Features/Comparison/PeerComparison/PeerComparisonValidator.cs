using Analytics.Api.Features.Comparison.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Comparison.PeerComparison;

public sealed class PeerComparisonValidator : AbstractValidator<PeerComparisonQuery>
{
    private static readonly string[] Scopes = ["department", "organisation", "platform"];

    public PeerComparisonValidator()
    {
        RuleFor(q => q.Id).MustBeId();
        RuleFor(q => q.Scope).Must(s => s is null || Scopes.Contains(s)).WithMessage("must be one of department, organisation, platform");
    }
}
