using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Errors;

namespace Analytics.Api.Features.Reports.Shared.Schedules;

/// <summary>
/// Fires due schedules (API.md §4.7): moves each on to its next occurrence in its time zone, re-checks the owner's access under
/// the stored active role (a run that no longer holds fails and disables the schedule), and queues a normal report for the
/// schedule's period with its `scheduleId`. Delivery follows when the report ends (<see cref="ScheduleDeliveries"/>).
/// </summary>
public sealed partial class ScheduleRunner(ScheduleStore store, IServiceScopeFactory scopes, ILogger<ScheduleRunner> logger)
{
    private const int Batch = 100;

    /// <summary>Fires every schedule due at <paramref name="now"/>; the number of reports queued.</summary>
    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var schedule in await store.DueAsync(now, Batch, cancellationToken))
        {
            var zone = TimeZones.OrUtc(schedule.TimeZone);
            var next = ScheduleCron.TryParse(schedule.Cron, out var cron) ? cron!.NextAfter(now, zone) : null;
            if (!await store.AdvanceAsync(schedule, next, now, cancellationToken))
            {
                continue;
            }

            if (await RunAsync(schedule, zone, now, cancellationToken))
            {
                queued++;
            }
        }

        return queued;
    }

    private async Task<bool> RunAsync(ScheduleRow schedule, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var owner = await store.OwnerAsync(schedule.OwnerId, cancellationToken);
        var roles = owner is null ? [] : Roles.Canonical(owner.Roles);
        if (owner is not { Active: true } || !roles.Contains(schedule.Role))
        {
            return await DisableAsync(schedule, "the owner no longer holds the role " + schedule.Role, cancellationToken);
        }

        var requester = new CurrentUser(owner.UserId, owner.Email, owner.Name, roles, owner.OrganisationId, owner.DepartmentId, schedule.Role,
            null, null, null);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var (from, to) = SchedulePeriods.Range(schedule.Period, today);
        var reportId = ReportIds.New(now);
        await store.RunQueuedAsync(schedule.Id, reportId, cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var queue = scope.ServiceProvider.GetRequiredService<ReportEnqueuer>();
            await queue.QueueAsync(
                requester,
                new ReportOrder(schedule.SubjectType, schedule.Format, schedule.SubjectId, schedule.TemplateId, schedule.Analytics, from, to,
                    schedule.Name, schedule.TimeZone, schedule.Id, reportId),
                cancellationToken);
            LogFired(schedule.Id, reportId);
            return true;
        }
        catch (ApiProblemException problem) when (problem.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
        {
            return await DisableAsync(schedule, problem.Code, cancellationToken);
        }
    }

    private async Task<bool> DisableAsync(ScheduleRow schedule, string reason, CancellationToken cancellationToken)
    {
        await store.DisableAsync(schedule.Id, cancellationToken);
        LogDisabled(schedule.Id, schedule.OwnerId, reason);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report schedule {ScheduleId} queued report {ReportId}")]
    private partial void LogFired(string scheduleId, string reportId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report schedule {ScheduleId} of {OwnerId} failed and was disabled: {Reason}")]
    private partial void LogDisabled(string scheduleId, string ownerId, string reason);
}
