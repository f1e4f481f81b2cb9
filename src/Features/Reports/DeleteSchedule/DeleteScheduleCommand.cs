using Mediator;

namespace Analytics.Api.Features.Reports.DeleteSchedule;

/// <summary>`DELETE /reports/schedules/{scheduleId}` (API.md §4.7): the reports it produced stay.</summary>
public sealed record DeleteScheduleCommand(string ScheduleId, string OwnerId) : ICommand<Unit>;
