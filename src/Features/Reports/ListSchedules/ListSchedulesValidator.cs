using FluentValidation;

namespace Analytics.Api.Features.Reports.ListSchedules;

public sealed class ListSchedulesValidator : AbstractValidator<ListSchedulesQuery>
{
    public ListSchedulesValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).When(q => q.Page is not null).WithMessage("must be at least 1");
        RuleFor(q => q.Limit).InclusiveBetween(1, 100).When(q => q.Limit is not null).WithMessage("must be between 1 and 100");
    }
}
