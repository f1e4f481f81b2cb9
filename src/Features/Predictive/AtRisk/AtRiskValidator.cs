using System.Globalization;
using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Predictive.AtRisk;

public sealed class AtRiskValidator : AbstractValidator<AtRiskQuery>
{
    public AtRiskValidator()
    {
        RuleFor(q => q.Id).MustBeId();
        RuleFor(q => q.CourseId).MustBeId().When(q => q.CourseId is not null);
        RuleFor(q => q.DepartmentId).MustBeId().When(q => q.DepartmentId is not null);
        RuleFor(q => q.DepartmentId)
            .Null().When(q => q.SubjectType != CohortSubjects.OrganisationCohort)
            .WithMessage("is only accepted for an organisation's cohort (org-admin)");
        RuleFor(q => q.Band)
            .Must(band => band is null || (band.Split(',').All(b => AtRiskQuery.Bands.Contains(b.Trim())) && band.Trim().Length > 0))
            .WithMessage("must be one or more of critical, high, medium, low (comma-separated)");
        RuleFor(q => q.MinScore)
            .Must(score => score is null || (int.TryParse(score, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100))
            .WithMessage("must be an integer between 0 and 100");
        RuleFor(q => q.Sort)
            .Must(sort => sort is null || AtRiskQuery.Sorts.Contains(sort))
            .WithMessage("must be one of -riskScore, riskScore, displayName, -lastActivityAt");
        RuleFor(q => q.Page)
            .Must(page => page is null || (int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 10_000))
            .WithMessage("must be an integer between 1 and 10000");
        RuleFor(q => q.Limit)
            .Must(limit => limit is null || (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 100))
            .WithMessage("must be an integer between 1 and 100");
    }
}
