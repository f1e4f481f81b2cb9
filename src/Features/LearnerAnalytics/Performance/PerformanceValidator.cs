using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.LearnerAnalytics.Performance;

public sealed class PerformanceValidator : AbstractValidator<PerformanceQuery>
{
    public PerformanceValidator()
    {
        RuleFor(q => q.UserId).MustBeId();
        RuleFor(q => q.CourseId).MustBeId().When(q => !string.IsNullOrEmpty(q.CourseId));
    }
}
