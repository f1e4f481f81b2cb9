using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.OrganisationAnalytics.LearningCulture;

public sealed class LearningCultureValidator : AbstractValidator<LearningCultureQuery>
{
    public LearningCultureValidator()
    {
        RuleFor(q => q.OrganisationId).MustBeId().OverridePropertyName("orgId");
        RuleFor(q => q.DepartmentId).MustBeId().When(q => q.DepartmentId is not null).OverridePropertyName("departmentId");
    }
}
