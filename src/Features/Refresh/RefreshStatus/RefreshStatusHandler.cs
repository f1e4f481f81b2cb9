using System.Text.Json;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Analytics.Api.Shared.Freshness;
using Analytics.Api.Shared.Jobs;
using Dapper;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Analytics.Api.Features.Refresh.RefreshStatus;

/// <summary>
/// Reads a refresh job. A job whose subject the caller may not read is answered exactly like an unknown one (404
/// JOB_NOT_FOUND), so job ids reveal nothing about other people (API.md §1.5).
/// </summary>
public sealed class RefreshStatusHandler(
    NpgsqlDataSource dataSource, CurrentUserAccessor currentUser, AccessPolicy policy, IOptions<JsonOptions> json)
    : IQueryHandler<RefreshStatusQuery, RefreshJobStatus>
{
    public async ValueTask<RefreshJobStatus> Handle(RefreshStatusQuery query, CancellationToken cancellationToken)
    {
        RefreshJobRecord? job;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            job = await connection.QuerySingleOrDefaultAsync<RefreshJobRecord>(new CommandDefinition(
                SqlQueries.Get("RefreshStatus"), new { jobId = query.JobId }, cancellationToken: cancellationToken));
        }

        if (job is null || !await MayReadAsync(job, cancellationToken))
        {
            throw Problems.JobNotFound();
        }

        return new RefreshJobStatus(
            job.JobId,
            job.Status,
            job.Progress,
            job.Stage,
            job.Trigger,
            new AnalyticSubject(job.SubjectType, job.SubjectId),
            job.Role,
            job.Analytics,
            job.CreatedAt,
            job.StartedAt,
            job.CompletedAt,
            JobError.Parse(job.Error),
            job.Result is null ? [] : JsonSerializer.Deserialize<RefreshResult[]>(job.Result, json.Value.SerializerOptions) ?? []);
    }

    private async Task<bool> MayReadAsync(RefreshJobRecord job, CancellationToken cancellationToken)
    {
        var caller = currentUser.Required;
        if (caller.ActiveRole == Roles.PlatformAdmin)
        {
            return true;
        }

        try
        {
            await policy.EnsureCanReadAsync(caller, RoleFamilies.AreaOf(job.Role), job.SubjectId, cancellationToken);
            return true;
        }
        catch (ApiProblemException problem) when (problem.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
        {
            return false;
        }
    }

    private sealed class RefreshJobRecord
    {
        public string JobId { get; set; } = string.Empty;

        public string Status { get; set; } = string.Empty;

        public int Progress { get; set; }

        public string Stage { get; set; } = string.Empty;

        public string Trigger { get; set; } = string.Empty;

        public string SubjectType { get; set; } = string.Empty;

        public string SubjectId { get; set; } = string.Empty;

        public string Role { get; set; } = string.Empty;

        public string[] Analytics { get; set; } = [];

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset? StartedAt { get; set; }

        public DateTimeOffset? CompletedAt { get; set; }

        public string? Error { get; set; }

        public string? Result { get; set; }
    }
}
