using Analytics.Api.Features.Reports.Shared.Schedules;
using Analytics.Api.Shared.Http;

namespace Analytics.Api.Features.Reports.ListSchedules;

/// <summary>`{schedules[], pagination}`.</summary>
public sealed record ScheduleList(IReadOnlyList<ScheduleResource> Schedules, Pagination Pagination);
