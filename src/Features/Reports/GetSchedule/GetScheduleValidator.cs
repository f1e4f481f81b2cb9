using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Reports.GetSchedule;

public sealed class GetScheduleValidator : AbstractValidator<GetScheduleQuery>
{
    public GetScheduleValidator() => RuleFor(q => q.ScheduleId).MustBeId().OverridePropertyName("scheduleId");
}
