using System.Security.Cryptography;
using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Features.Reports.Shared;

/// <summary>`reporting.report_jobs` and `report_files`: the queue the report workers take from and the files they leave.</summary>
public sealed class ReportStore(NpgsqlDataSource dataSource, TimeProvider timeProvider, ReportQueueSignal signal)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>A report `running` this long has lost its worker (an instance died mid-render): another worker takes it again.</summary>
    public static readonly TimeSpan AbandonAfter = TimeSpan.FromMinutes(10);

    public async Task<ReportRow> EnqueueAsync(ReportRow row, ReportTemplate? template, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("Reports.Insert"),
            new
            {
                row.Id,
                row.RequestedBy,
                row.Role,
                row.SubjectType,
                row.SubjectId,
                row.OrganisationId,
                templateId = template?.Id,
                templateName = template?.Name,
                templateType = template?.Type,
                templateAnalytics = template?.Analytics.ToArray(),
                templateFormat = template?.DefaultFormat,
                row.Analytics,
                row.Format,
                row.Parameters,
                row.Title,
                row.ScheduleId,
                now = row.CreatedAt,
                row.ExpiresAt,
            },
            cancellationToken: cancellationToken));
        signal.Notify();
        return row;
    }

    public async Task<ReportRow?> FindAsync(string id, string ownerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ReportRow>(new CommandDefinition(
            SqlQueries.Get("Reports.Get"), new { id, ownerId, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    /// <summary>The owner of an unexpired report, or null.</summary>
    public async Task<string?> OwnerAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            SqlQueries.Get("Reports.Owner"), new { id, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ReportRow>> ListAsync(string ownerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReportRow>(new CommandDefinition(
            SqlQueries.Get("Reports.ListOwn"), new { ownerId, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<ReportRow?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ReportRow>(new CommandDefinition(
            SqlQueries.Get("Reports.Claim"),
            new { now = timeProvider.GetUtcNow(), abandonedBefore = timeProvider.GetUtcNow() - AbandonAfter },
            cancellationToken: cancellationToken));
    }

    public async Task ProgressAsync(string id, short progress, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("Reports.Progress"), new { id, progress }, cancellationToken: cancellationToken));
    }

    public async Task CompleteAsync(string id, ReportFile file, string preview, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("Reports.Complete"),
            new
            {
                id,
                now = timeProvider.GetUtcNow(),
                preview,
                fileName = file.FileName,
                contentType = file.ContentType,
                sizeBytes = (long)file.Content.Length,
                sha256 = SHA256.HashData(file.Content),
                content = file.Content,
            },
            cancellationToken: cancellationToken));
    }

    public async Task FailAsync(string id, string error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("Reports.Fail"), new { id, error, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    public async Task<ReportFile?> ReadFileAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ReportFile>(new CommandDefinition(
            SqlQueries.Get("Reports.File"), new { id }, cancellationToken: cancellationToken));
    }

    public async Task<bool> DeleteAsync(string id, string ownerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("Reports.Delete"), new { id, ownerId, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("Reports.Purge"), new { now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    public async Task<string?> SubjectNameAsync(string subjectId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            SqlQueries.Get("Reports.SubjectName"), new { subjectId }, cancellationToken: cancellationToken));
    }
}
