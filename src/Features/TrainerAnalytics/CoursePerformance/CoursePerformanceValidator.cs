using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.TrainerAnalytics.CoursePerformance;

public sealed class CoursePerformanceValidator : AbstractValidator<CoursePerformanceQuery>
{
    public CoursePerformanceValidator()
    {
        RuleFor(q => q.TrainerId).MustBeId();
        RuleFor(q => q.Status)
            .Must(s => s is null or CoursePerformanceQuery.ActiveCourses or CoursePerformanceQuery.AllCourses)
            .WithMessage("must be one of active, all");
    }
}
