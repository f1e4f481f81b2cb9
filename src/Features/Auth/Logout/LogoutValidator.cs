using FluentValidation;

namespace Analytics.Api.Features.Auth.Logout;

public sealed class LogoutValidator : AbstractValidator<LogoutCommand>
{
    public LogoutValidator() =>
        RuleFor(c => c.RefreshToken!).Length(20, 200).WithMessage("must be 20 to 200 characters").When(c => c.RefreshToken is not null);
}
