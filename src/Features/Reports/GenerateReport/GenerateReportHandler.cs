using Analytics.Api.Features.Reports.Shared;
using Analytics.Api.Shared.Auth;
using Mediator;

namespace Analytics.Api.Features.Reports.GenerateReport;

/// <summary>Queues the caller's report through the shared <see cref="ReportEnqueuer"/> (authorised there as the reads are).</summary>
public sealed class GenerateReportHandler(ReportEnqueuer queue, CurrentUserAccessor currentUser)
    : ICommandHandler<GenerateReportCommand, ReportResource>
{
    public async ValueTask<ReportResource> Handle(GenerateReportCommand command, CancellationToken cancellationToken)
    {
        var order = new ReportOrder(
            command.Type!, command.Format, command.SubjectId, command.TemplateId, command.Analytics,
            ReportRequestRules.Date(command.From), ReportRequestRules.Date(command.To), command.Title, command.TimeZone);
        return ReportResource.Of(await queue.QueueAsync(currentUser.Required, order, cancellationToken));
    }
}
