using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.OrganisationAnalytics.DepartmentAnalytics;

public sealed class DepartmentAnalyticsValidator : AbstractValidator<DepartmentAnalyticsQuery>
{
    public DepartmentAnalyticsValidator()
    {
        RuleFor(q => q.OrganisationId).MustBeId().OverridePropertyName("orgId");
        RuleFor(q => q.Department).MustBeId().When(q => q.Department is not null);
        RuleFor(q => q.DepartmentId).MustBeId().When(q => q.DepartmentId is not null);
        RuleFor(q => q.Department)
            .Must((q, department) => department is null || q.DepartmentId is null || department == q.DepartmentId)
            .WithMessage("must equal its alias departmentId when both are given");
    }
}
