using Mediator;

namespace Analytics.Api.Features.Reports.ListSchedules;

/// <summary>`GET /reports/schedules` (API.md §4.7): the caller's schedules, newest first, a page of them.</summary>
public sealed record ListSchedulesQuery(string OwnerId, int? Page, int? Limit) : IQuery<ScheduleList>;
