using Analytics.Api.Features.Reports.Shared.Schedules;
using Mediator;

namespace Analytics.Api.Features.Reports.GetSchedule;

/// <summary>`GET /reports/schedules/{scheduleId}` (API.md §4.7): one of the caller's schedules.</summary>
public sealed record GetScheduleQuery(string ScheduleId, string OwnerId) : IQuery<ScheduleResource>;
