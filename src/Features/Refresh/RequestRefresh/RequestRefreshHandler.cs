using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Analytics.Api.Shared.Freshness;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Refresh.RequestRefresh;

/// <summary>
/// Queues a manual refresh, or answers 409 REFRESH_IN_PROGRESS with the subject's live job (whatever queued it), into which the
/// requested analytics were merged while it is still queued (API.md §4.6).
/// </summary>
public sealed class RequestRefreshHandler(RefreshJobs jobs, NpgsqlDataSource dataSource, TimeProvider timeProvider)
    : ICommandHandler<RequestRefreshCommand, RefreshAccepted>
{
    private static readonly TimeSpan DefaultEstimate = TimeSpan.FromSeconds(30);

    public async ValueTask<RefreshAccepted> Handle(RequestRefreshCommand command, CancellationToken cancellationToken)
    {
        var family = command.Family!;
        var analytics = command.CanonicalIds(family);
        var subject = new RefreshSubject(RoleFamilies.SubjectTypeOf(family), command.SubjectId!, family);
        var outcome = await jobs.EnqueueAsync(subject, analytics, "manual", command.RequestedBy, cancellationToken);
        var statusUrl = $"/api/v1/analytics/refresh/{outcome.Job.JobId}";
        if (!outcome.Created)
        {
            throw Problems.RefreshInProgress(outcome.Job.JobId, statusUrl);
        }

        return new RefreshAccepted(
            outcome.Job.JobId,
            "queued",
            await EstimateCompletionAsync(cancellationToken),
            analytics,
            new AnalyticSubject(subject.SubjectType, subject.SubjectId),
            family,
            statusUrl,
            $"Recalculating {analytics.Count} analytics for {subject.SubjectType} {subject.SubjectId}; poll statusUrl for progress.");
    }

    private async Task<DateTimeOffset> EstimateCompletionAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var recent = await connection.QuerySingleAsync<(double? RecentSeconds, int Queued)>(new CommandDefinition(
            SqlQueries.Get("RequestRefresh.EstimatedSeconds"), new { now }, cancellationToken: cancellationToken));
        return recent.RecentSeconds is { } seconds
            ? now + TimeSpan.FromSeconds(Math.Max(1, seconds) * Math.Max(1, recent.Queued))
            : now + DefaultEstimate;
    }
}
