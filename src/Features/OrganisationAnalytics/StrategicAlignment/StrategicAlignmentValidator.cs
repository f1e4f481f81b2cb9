using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.OrganisationAnalytics.StrategicAlignment;

public sealed class StrategicAlignmentValidator : AbstractValidator<StrategicAlignmentQuery>
{
    public StrategicAlignmentValidator()
    {
        RuleFor(q => q.OrgId).MustBeId();
        RuleFor(q => q.DepartmentId).MustBeId().When(q => q.DepartmentId is not null);
    }
}
