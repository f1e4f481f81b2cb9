using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Privacy.ExportUserData;

public sealed class ExportUserDataValidator : AbstractValidator<ExportUserDataQuery>
{
    public ExportUserDataValidator() => RuleFor(q => q.UserId).MustBeId();
}
