using Analytics.Api.Shared.Database;
using Microsoft.Extensions.Caching.Hybrid;
using Npgsql;

namespace Analytics.Api.Shared.Freshness;

/// <summary>
/// Keeps this instance's view of the refresh queue (<see cref="ActiveRefreshes"/>) and its memory cache in step with every other
/// instance: `NOTIFY analytics_refresh` announces live and ended jobs, `NOTIFY analytics_snapshot` names a subject whose memory
/// entries are to be dropped (or `*` for all, after a nightly run) (DATA_MODEL.md §2).
/// </summary>
public sealed partial class FreshnessListener(
    NpgsqlDataSource dataSource,
    RefreshJobs queue,
    ActiveRefreshes active,
    RefreshSignal signal,
    HybridCache cache,
    TimeProvider timeProvider,
    ILogger<FreshnessListener> logger) : PostgresListener(dataSource, timeProvider, logger)
{
    public const string AllSubjects = "*";

    protected override IReadOnlyList<string> Channels => [RefreshJobs.Channel, RefreshJobs.SnapshotChannel];

    protected override async Task OnConnectedAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        active.ReplaceAll(await queue.LoadActiveAsync(connection, cancellationToken));

    protected override void OnNotification(string channel, string payload)
    {
        if (channel == RefreshJobs.Channel)
        {
            if (RefreshJobs.ParseNotification(payload) is { } job)
            {
                active.Apply(job);
                if (job.Status == "queued")
                {
                    signal.Pulse();
                }
            }
        }
        else if (payload == AllSubjects)
        {
            _ = Invalidate(AllSubjects);
        }
        else if (RefreshSubject.Parse(payload) is { } subject)
        {
            _ = Invalidate(subject.CacheTag);
        }
    }

    private async Task Invalidate(string tag)
    {
        try
        {
            await cache.RemoveByTagAsync(tag);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException)
        {
            LogInvalidationFailed(tag, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping memory entries tagged {Tag} failed")]
    private partial void LogInvalidationFailed(string tag, Exception exception);
}
