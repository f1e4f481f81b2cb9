using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Refresh.RefreshStatus;

public sealed class RefreshStatusValidator : AbstractValidator<RefreshStatusQuery>
{
    public RefreshStatusValidator() => RuleFor(q => q.JobId).MustBeId();
}
