using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Predictive.DropOffRisk;

public sealed class DropOffRiskValidator : AbstractValidator<DropOffRiskQuery>
{
    public DropOffRiskValidator()
    {
        RuleFor(q => q.Id).MustBeId();
        RuleFor(q => q.CourseId).MustBeId().When(q => q.CourseId is not null);
    }
}
