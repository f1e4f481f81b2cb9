using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Features.Reports.Shared.Schedules;

/// <summary>`reporting.report_schedules` (migration 0007): the schedules, their due runs and the outcome of each run.</summary>
public sealed class ScheduleStore(NpgsqlDataSource dataSource)
{
    /// <summary>Schedules one user may hold (API.md §4.7: 409 LIMIT_REACHED beyond).</summary>
    public const int MaxPerOwner = 20;

    /// <summary>Stores the schedule unless its owner is at the limit; false then.</summary>
    public async Task<bool> InsertAsync(ScheduleRow row, ReportTemplate template, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("ReportSchedules.EnsureTemplate"),
            new
            {
                templateId = template.Id,
                templateName = template.Name,
                templateType = template.Type,
                templateAnalytics = template.Analytics.ToArray(),
                templateFormat = template.DefaultFormat,
                now = row.CreatedAt,
            },
            cancellationToken: cancellationToken));
        var id = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            SqlQueries.Get("ReportSchedules.Insert"),
            new
            {
                row.Id,
                row.OwnerId,
                row.Role,
                row.TemplateId,
                row.SubjectType,
                row.SubjectId,
                row.Format,
                row.Cron,
                row.TimeZone,
                row.Name,
                row.Analytics,
                row.Period,
                row.Delivery,
                row.Enabled,
                row.NextRunAt,
                row.CreatedAt,
                limit = MaxPerOwner,
            },
            cancellationToken: cancellationToken));
        return id is not null;
    }

    public async Task<ScheduleRow?> FindAsync(string id, string ownerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ScheduleRow>(new CommandDefinition(
            SqlQueries.Get("ReportSchedules.Get"), new { id, ownerId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ScheduleRow>> ListAsync(string ownerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ScheduleRow>(new CommandDefinition(
            SqlQueries.Get("ReportSchedules.ListOwn"), new { ownerId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<bool> DeleteAsync(string id, string ownerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("ReportSchedules.Delete"), new { id, ownerId }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<IReadOnlyList<ScheduleRow>> DueAsync(DateTimeOffset now, int batch, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ScheduleRow>(new CommandDefinition(
            SqlQueries.Get("ReportSchedules.Due"), new { now, batch }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Moves a due schedule on to its next run; false when another node took this run first.</summary>
    public async Task<bool> AdvanceAsync(ScheduleRow row, DateTimeOffset? nextRunAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("ReportSchedules.Advance"),
            new { row.Id, nextRunAt, now, expected = row.NextRunAt },
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task RunQueuedAsync(string id, string reportId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("ReportSchedules.RunQueued"), new { id, reportId }, cancellationToken: cancellationToken));
    }

    public async Task DisableAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("ReportSchedules.Disable"), new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Records how a run's report ended; the schedule to deliver it for, or null when it is gone or has run again since.</summary>
    public async Task<ScheduleRow?> FinishAsync(string id, string reportId, string status, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ScheduleRow>(new CommandDefinition(
            SqlQueries.Get("ReportSchedules.Finish"), new { id, reportId, status }, cancellationToken: cancellationToken));
    }

    public async Task<ScheduleOwner?> OwnerAsync(string ownerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ScheduleOwner>(new CommandDefinition(
            SqlQueries.Get("ReportSchedules.Owner"), new { ownerId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlySet<string>> MemberEmailsAsync(string organisationId, string[] emails, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var found = await connection.QueryAsync<string>(new CommandDefinition(
            SqlQueries.Get("ReportSchedules.MemberEmails"), new { organisationId, emails }, cancellationToken: cancellationToken));
        return found.ToHashSet(StringComparer.Ordinal);
    }
}
