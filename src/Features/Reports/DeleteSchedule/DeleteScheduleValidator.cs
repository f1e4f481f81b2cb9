using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Reports.DeleteSchedule;

public sealed class DeleteScheduleValidator : AbstractValidator<DeleteScheduleCommand>
{
    public DeleteScheduleValidator() => RuleFor(c => c.ScheduleId).MustBeId().OverridePropertyName("scheduleId");
}
