using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.OrganisationAnalytics.LearningVelocity;

public sealed class LearningVelocityValidator : AbstractValidator<LearningVelocityQuery>
{
    public LearningVelocityValidator()
    {
        RuleFor(q => q.OrganisationId).MustBeId().OverridePropertyName("orgId");
        RuleFor(q => q.DepartmentId).MustBeId().When(q => q.DepartmentId is not null);
    }
}
