using System.Globalization;
using Analytics.Api.Features.Comparison.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Comparison.SkillDemand;

public sealed class SkillDemandValidator : AbstractValidator<SkillDemandQuery>
{
    private static readonly string[] Scopes = ["organisation", "platform"];
    private static readonly string[] Timeframes = ["3months", "6months", "1year"];

    public SkillDemandValidator()
    {
        RuleFor(q => q.Scope).Must(s => string.IsNullOrEmpty(s) || Scopes.Contains(s)).WithMessage("must be one of organisation, platform");
        RuleFor(q => q.Scope)
            .Must((q, s) => s != "organisation" || !string.IsNullOrEmpty(q.CallerOrganisationId))
            .WithMessage("organisation needs a caller who belongs to an organisation");
        RuleFor(q => q.Timeframe).Must(t => string.IsNullOrEmpty(t) || Timeframes.Contains(t)).WithMessage("must be one of 3months, 6months, 1year");
        RuleFor(q => q.SkillCategory).MaximumLength(64).WithMessage("must be at most 64 characters").MustBePlainText();
        RuleFor(q => q.Skills)
            .Must(s => string.IsNullOrEmpty(s) || s.Split(',').All(IdRules.IsValid))
            .WithMessage("must be a comma-separated list of ids matching ^[A-Za-z0-9_-]{1,64}$")
            .Must(s => string.IsNullOrEmpty(s) || s.Split(',').Distinct(StringComparer.Ordinal).Count() <= SkillDemandQuery.MaxSkills)
            .WithMessage($"must name at most {SkillDemandQuery.MaxSkills} skills");
        RuleFor(q => q.Limit)
            .Must(l => string.IsNullOrEmpty(l)
                       || (int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= SkillDemandQuery.MaxLimit))
            .WithMessage($"must be an integer between 1 and {SkillDemandQuery.MaxLimit}");
    }
}
