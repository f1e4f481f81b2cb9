using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.LearnerAnalytics.SkillGap;

public sealed class SkillGapValidator : AbstractValidator<SkillGapQuery>
{
    public SkillGapValidator()
    {
        RuleFor(q => q.UserId).MustBeId();
        RuleFor(q => q.Category).Must(c => c is null || c.Length <= 64).WithMessage("must be at most 64 characters").MustBePlainText();
        RuleFor(q => q.CriticalOnly)
            .Must(v => string.IsNullOrEmpty(v)
                       || string.Equals(v, "true", StringComparison.OrdinalIgnoreCase)
                       || string.Equals(v, "false", StringComparison.OrdinalIgnoreCase))
            .WithMessage("must be true or false");
    }
}
