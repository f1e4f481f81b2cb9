using FluentValidation;

namespace Analytics.Api.Features.Auth.Refresh;

public sealed class RefreshValidator : AbstractValidator<RefreshCommand>
{
    public RefreshValidator() =>
        RuleFor(c => c.RefreshToken).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("is required")
            .Length(20, 200).WithMessage("must be 20 to 200 characters");
}
