using Analytics.Api.Features.Reports.Shared;
using Analytics.Api.Features.Reports.Shared.Schedules;
using Mediator;

namespace Analytics.Api.Features.Reports.DeleteSchedule;

public sealed class DeleteScheduleHandler(ScheduleStore store) : ICommandHandler<DeleteScheduleCommand, Unit>
{
    public async ValueTask<Unit> Handle(DeleteScheduleCommand command, CancellationToken cancellationToken) =>
        await store.DeleteAsync(command.ScheduleId, command.OwnerId, cancellationToken) ? Unit.Value : throw ReportProblems.ScheduleNotFound();
}
