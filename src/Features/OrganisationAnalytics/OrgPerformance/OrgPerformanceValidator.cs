using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.OrganisationAnalytics.OrgPerformance;

public sealed class OrgPerformanceValidator : AbstractValidator<OrgPerformanceQuery>
{
    public OrgPerformanceValidator()
    {
        RuleFor(q => q.OrgId).MustBeId();
    }
}
