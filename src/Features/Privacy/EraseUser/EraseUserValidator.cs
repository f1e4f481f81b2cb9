using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Privacy.EraseUser;

/// <summary>The id rule, and `confirm` present and equal to the id (400 VALIDATION_ERROR with `errors.confirm`, before any access check).</summary>
public sealed class EraseUserValidator : AbstractValidator<EraseUserCommand>
{
    public EraseUserValidator()
    {
        RuleFor(c => c.UserId).MustBeId();
        RuleFor(c => c.Confirm)
            .NotEmpty().WithMessage("is required: repeat the user id to confirm the erasure")
            .Equal(c => c.UserId).WithMessage("must equal the user id in the path");
    }
}
