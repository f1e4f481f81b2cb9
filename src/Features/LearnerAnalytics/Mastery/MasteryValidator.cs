using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.LearnerAnalytics.Mastery;

public sealed class MasteryValidator : AbstractValidator<MasteryQuery>
{
    public MasteryValidator()
    {
        RuleFor(q => q.UserId).MustBeId();
        RuleFor(q => q.PathId).MustBeId().When(q => !string.IsNullOrEmpty(q.PathId));
    }
}
