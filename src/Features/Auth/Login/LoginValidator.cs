using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Auth.Login;

/// <summary>API.md §2.2: e-mail required, ≤ 254 chars, e-mail syntax; password 1–128 chars (no minimum at login).</summary>
public sealed class LoginValidator : AbstractValidator<LoginCommand>
{
    public LoginValidator()
    {
        RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("is required")
            .MaximumLength(254).WithMessage("must be at most 254 characters")
            .MustBePlainText()
            .EmailAddress().WithMessage("must be an e-mail address");
        RuleFor(c => c.Password).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("is required")
            .MaximumLength(128).WithMessage("must be at most 128 characters");
    }
}
