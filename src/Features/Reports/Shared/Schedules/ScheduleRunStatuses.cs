namespace Analytics.Api.Features.Reports.Shared.Schedules;

/// <summary>`lastRunStatus` of a schedule: null until its first run ends.</summary>
public static class ScheduleRunStatuses
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
