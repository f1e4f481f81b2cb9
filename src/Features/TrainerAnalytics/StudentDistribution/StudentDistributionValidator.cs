using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.TrainerAnalytics.StudentDistribution;

public sealed class StudentDistributionValidator : AbstractValidator<StudentDistributionQuery>
{
    public StudentDistributionValidator()
    {
        RuleFor(q => q.TrainerId).MustBeId();
        RuleFor(q => q.CourseId).MustBeId().When(q => q.CourseId is not null);
        RuleFor(q => q.ModuleId).MustBeId().When(q => q.ModuleId is not null);
        RuleFor(q => q.AttemptsBucket)
            .Must(b => b is null || StudentDistributionQuery.AttemptsBuckets.Contains(b))
            .WithMessage("must be one of 1, 2, 3, 4plus");
    }
}
