using Analytics.Api.Features.Reports.Shared;
using Analytics.Api.Features.Reports.Shared.Schedules;
using Mediator;

namespace Analytics.Api.Features.Reports.GetSchedule;

/// <summary>404 SCHEDULE_NOT_FOUND for an unknown schedule and for someone else's alike.</summary>
public sealed class GetScheduleHandler(ScheduleStore store) : IQueryHandler<GetScheduleQuery, ScheduleResource>
{
    public async ValueTask<ScheduleResource> Handle(GetScheduleQuery query, CancellationToken cancellationToken) =>
        await store.FindAsync(query.ScheduleId, query.OwnerId, cancellationToken) is { } row
            ? ScheduleResource.Of(row)
            : throw ReportProblems.ScheduleNotFound();
}
