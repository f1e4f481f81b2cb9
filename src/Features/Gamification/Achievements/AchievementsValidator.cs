using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Gamification.Achievements;

public sealed class AchievementsValidator : AbstractValidator<AchievementsQuery>
{
    private static readonly string[] Statuses = ["earned", "available", "all"];

    public AchievementsValidator()
    {
        RuleFor(q => q.UserId).MustBeId();
        RuleFor(q => q.Status).Must(s => s is null || Statuses.Contains(s)).WithMessage("must be one of earned, available, all");
    }
}
