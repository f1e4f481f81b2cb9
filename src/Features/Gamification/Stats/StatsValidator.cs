using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Gamification.Stats;

public sealed class StatsValidator : AbstractValidator<StatsQuery>
{
    public StatsValidator() => RuleFor(q => q.UserId).MustBeId();
}
