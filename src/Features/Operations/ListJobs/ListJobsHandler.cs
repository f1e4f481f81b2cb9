using Analytics.Api.Features.Operations.Shared;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Http;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Operations.ListJobs;

/// <summary>One statement for the page and the total (a page beyond the end is empty with the right total, API.md §7).</summary>
public sealed class ListJobsHandler(NpgsqlDataSource dataSource) : IQueryHandler<ListJobsQuery, ListJobsResponse>
{
    public async ValueTask<ListJobsResponse> Handle(ListJobsQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<OperatorJobRow>(new CommandDefinition(
            SqlQueries.Get("ListJobs"),
            new
            {
                types = ListJobsQuery.List(query.Type),
                statuses = ListJobsQuery.List(query.Status),
                descending = query.Descending,
                limit = query.PageSize,
                offset = (query.PageNumber - 1) * query.PageSize,
            },
            cancellationToken: cancellationToken))).ToArray();
        var total = rows.Length > 0 ? rows[0].TotalCount : 0;
        return new ListJobsResponse(
            rows.Where(r => r.JobId is not null).Select(r => r.ToJob()).ToArray(),
            Pagination.Of(query.PageNumber, query.PageSize, total));
    }
}
