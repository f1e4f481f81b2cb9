using System.Text.Json.Nodes;
using Analytics.Api.Features.Reports.Shared;
using Mediator;

namespace Analytics.Api.Features.Reports.GetReport;

public sealed class GetReportHandler(ReportStore store) : IQueryHandler<GetReportQuery, ReportDetails>
{
    public async ValueTask<ReportDetails> Handle(GetReportQuery query, CancellationToken cancellationToken)
    {
        var row = await store.FindAsync(query.ReportId, query.OwnerId, cancellationToken) ?? throw ReportProblems.NotFound();
        var preview = row.Status == ReportStatuses.Completed && row.Preview is { } json ? JsonNode.Parse(json) : null;
        return new ReportDetails(ReportResource.Of(row), preview);
    }
}
