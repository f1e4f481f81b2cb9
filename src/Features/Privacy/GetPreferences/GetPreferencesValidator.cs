using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Privacy.GetPreferences;

public sealed class GetPreferencesValidator : AbstractValidator<GetPreferencesQuery>
{
    public GetPreferencesValidator() => RuleFor(q => q.UserId).MustBeId();
}
