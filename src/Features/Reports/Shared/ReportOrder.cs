namespace Analytics.Api.Features.Reports.Shared;

/// <summary>
/// What a report is asked for, by a generate body or a schedule's run (API.md §4.7): validated values, nulls for the defaults
/// (a schedule's run names its report id beforehand, so the schedule points at it before a worker can finish it).
/// </summary>
public sealed record ReportOrder(
    string Type,
    string? Format,
    string? SubjectId,
    string? TemplateId,
    IReadOnlyList<string?>? Analytics,
    DateOnly? From,
    DateOnly? To,
    string? Title,
    string? TimeZone,
    string? ScheduleId = null,
    string? ReportId = null);
