using Analytics.Api.Features.Reports.Shared.Schedules;
using Analytics.Api.Shared.Http;
using Mediator;

namespace Analytics.Api.Features.Reports.ListSchedules;

/// <summary>At most 20 schedules per user, so read whole and paged in memory.</summary>
public sealed class ListSchedulesHandler(ScheduleStore store) : IQueryHandler<ListSchedulesQuery, ScheduleList>
{
    public async ValueTask<ScheduleList> Handle(ListSchedulesQuery query, CancellationToken cancellationToken)
    {
        var rows = await store.ListAsync(query.OwnerId, cancellationToken);
        var page = query.Page ?? 1;
        var limit = query.Limit ?? 20;
        var schedules = rows.Skip((page - 1) * limit).Take(limit).Select(r => ScheduleResource.Of(r)).ToArray();
        return new ScheduleList(schedules, Pagination.Of(page, limit, rows.Count));
    }
}
