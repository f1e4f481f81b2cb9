using Analytics.Api.Features.Privacy.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Privacy.UpdatePreferences;

public sealed class UpdatePreferencesValidator : AbstractValidator<UpdatePreferencesCommand>
{
    public UpdatePreferencesValidator()
    {
        RuleFor(c => c.UserId).MustBeId();
        RuleFor(c => c.LeaderboardPrivacy)
            .NotNull().WithMessage("is required")
            .Must(v => v is null || PrivacyPreferences.LeaderboardChoices.Contains(v))
            .WithMessage("must be one of public, anonymous, hidden");
        RuleFor(c => c.PredictiveOptOut).NotNull().WithMessage("is required (true or false)");
    }
}
