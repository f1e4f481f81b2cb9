using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Operations.GetJob;

public sealed class GetJobValidator : AbstractValidator<GetJobQuery>
{
    public GetJobValidator() => RuleFor(q => q.JobId).MustBeId();
}
