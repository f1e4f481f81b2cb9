using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Gamification.Streak;

public sealed class StreakValidator : AbstractValidator<StreakQuery>
{
    public StreakValidator() => RuleFor(q => q.UserId).MustBeId();
}
