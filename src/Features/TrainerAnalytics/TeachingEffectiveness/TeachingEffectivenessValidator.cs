using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.TrainerAnalytics.TeachingEffectiveness;

public sealed class TeachingEffectivenessValidator : AbstractValidator<TeachingEffectivenessQuery>
{
    public TeachingEffectivenessValidator()
    {
        RuleFor(q => q.TrainerId).MustBeId();
        RuleFor(q => q.CourseId).MustBeId().When(q => q.CourseId is not null);
    }
}
