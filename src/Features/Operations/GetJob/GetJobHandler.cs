using Analytics.Api.Features.Operations.Shared;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Operations.GetJob;

/// <summary>The job by id, or 404 JOB_NOT_FOUND (unknown, or past retention).</summary>
public sealed class GetJobHandler(NpgsqlDataSource dataSource) : IQueryHandler<GetJobQuery, OperatorJob>
{
    public async ValueTask<OperatorJob> Handle(GetJobQuery query, CancellationToken cancellationToken) =>
        await OperatorJobs.FindAsync(dataSource, query.JobId, cancellationToken) ?? throw OperatorProblems.JobNotFound();
}
