using Analytics.Api.Features.Reports.Shared;
using Mediator;

namespace Analytics.Api.Features.Reports.DeleteReport;

public sealed class DeleteReportHandler(ReportStore store) : ICommandHandler<DeleteReportCommand, Unit>
{
    public async ValueTask<Unit> Handle(DeleteReportCommand command, CancellationToken cancellationToken) =>
        await store.DeleteAsync(command.ReportId, command.OwnerId, cancellationToken) ? Unit.Value : throw ReportProblems.NotFound();
}
