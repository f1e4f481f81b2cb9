using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.TrainerAnalytics.CourseHealth;

public sealed class CourseHealthValidator : AbstractValidator<CourseHealthQuery>
{
    public CourseHealthValidator()
    {
        RuleFor(q => q.TrainerId).MustBeId();
        RuleFor(q => q.CourseId).MustBeId().When(q => q.CourseId is not null);
    }
}
