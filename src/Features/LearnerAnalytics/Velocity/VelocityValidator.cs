using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.LearnerAnalytics.Velocity;

public sealed class VelocityValidator : AbstractValidator<VelocityQuery>
{
    private static readonly string[] Windows = ["7d", "30d", "90d"];

    public VelocityValidator()
    {
        RuleFor(q => q.UserId).MustBeId();
        RuleFor(q => q.Window).Must(w => w is null || Windows.Contains(w)).WithMessage("must be one of 7d, 30d, 90d");
    }
}
