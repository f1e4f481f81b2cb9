using Analytics.Api.Features.Reports.Shared;
using Analytics.Api.Features.Reports.Shared.Schedules;
using Mediator;

namespace Analytics.Api.Features.Reports.CreateSchedule;

/// <summary>`POST /reports/schedules` (API.md §4.7): a recurring report of a subject the caller may read.</summary>
public sealed record CreateScheduleCommand(
    string? Name,
    string? Type,
    string? Format,
    string? SubjectId,
    string? TemplateId,
    IReadOnlyList<string?>? Analytics,
    string? Cron,
    string? TimeZone,
    string? Period,
    string? Channel,
    IReadOnlyList<string?>? Recipients,
    string? WebhookUrl,
    bool? Enabled) : ICommand<ScheduleResource>, IReportContent;
