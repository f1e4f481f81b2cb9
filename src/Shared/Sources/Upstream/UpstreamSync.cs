using System.Diagnostics;
using Analytics.Api.Shared.Jobs;
using Dapper;
using Npgsql;

namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// The sync runner of SOURCES.md §1.1 and §5 for the nine services: platform listings first, then each organisation (at most
/// `Sync:MaxParallelOrganisations` at once), each feed in load order, page by page. Every page is one transaction holding its rows,
/// its rejects and its checkpoint; a pass's watermark advances only when the pass completes. A failed call ends that service's
/// passes for that organisation (no watermark advance, one more consecutive failure); the other services carry on. A full run
/// lists without `updatedSince` and deletes the organisation's upstream rows the listing did not return.
/// </summary>
public sealed partial class UpstreamSync(
    IServiceProvider services,
    NpgsqlDataSource dataSource,
    UpstreamCircuits circuits,
    IEnumerable<IUpstreamFeed> feeds,
    UpstreamStoreWriter writer,
    IEnumerable<ISyncListener> listeners,
    IConfiguration configuration,
    TimeProvider timeProvider,
    ILogger<UpstreamSync> logger)
{
    private const string Source = UpstreamStoreWriter.Source;
    private readonly IReadOnlyList<IUpstreamFeed> _feeds = feeds.OrderBy(f => f.Order).ThenBy(f => f.Entity, StringComparer.Ordinal).ToArray();
    private readonly SyncOptions _options = SyncOptions.From(configuration);

    public IReadOnlyList<IUpstreamFeed> Feeds => _feeds;

    /// <summary>The tables the configured services provide (ops.organisation_sources.provides of an upstream organisation).</summary>
    public string[] Provides() =>
        _feeds.Where(f => circuits.Options(f.Service).Configured).SelectMany(f => f.Tables).Select(t => t.Name).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>The id of a running sync run of any instance, or null.</summary>
    public async Task<string?> RunningAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(SourceSql.Get("Upstream.Run.Running"),
            new { source = Source, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    /// <summary>Opens a run (status running) and returns its job id; <see cref="RunAsync(string, SyncRequest, CancellationToken)"/> does the work.</summary>
    public async Task<string> OpenAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var id = JobId.New(now);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SourceSql.Get("Upstream.Run.Open"), new
        {
            id,
            source = Source,
            kind = request.Mode == SyncMode.Full ? "full" : "incremental",
            scope = request.OrganisationId ?? "*",
            progress = Counters(request).Progress("queued"),
            now,
            instance = Environment.MachineName,
        }, cancellationToken: cancellationToken));
        return id;
    }

    /// <summary>Opens and runs a sync to its end.</summary>
    public async Task<SyncRunResult> RunAsync(SyncRequest request, CancellationToken cancellationToken) =>
        await RunAsync(await OpenAsync(request, cancellationToken), request, cancellationToken);

    public async Task<SyncRunResult> RunAsync(string runId, SyncRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var startedAt = timeProvider.GetUtcNow();
        var counters = Counters(request);
        var selected = (request.Services ?? UpstreamServices.All).Where(s => circuits.Options(s).Configured).Select(s => s.Name).ToHashSet();
        var active = _feeds.Where(f => selected.Contains(f.Service.Name)).ToArray();
        string? error = null;
        IReadOnlyList<string> synced = [];
        try
        {
            foreach (var feed in active.Where(f => f.PlatformScope))
            {
                await PassAsync(feed, null, request.Mode, runId, startedAt, counters, cancellationToken);
            }

            var organisations = await OrganisationsAsync(request, cancellationToken);
            counters.Organisations = organisations.Count;
            await Heartbeat(runId, counters, "organisations", cancellationToken);
            await Parallel.ForEachAsync(
                organisations,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelOrganisations), CancellationToken = cancellationToken },
                async (organisation, ct) =>
                {
                    var failed = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var feed in active.Where(f => !f.PlatformScope))
                    {
                        if (failed.Contains(feed.Service.Name))
                        {
                            await FailAsync(feed, organisation, $"{feed.Service.Name} failed earlier in this pass", counters, ct);
                            continue;
                        }

                        if (!await PassAsync(feed, organisation, request.Mode, runId, startedAt, counters, ct))
                        {
                            failed.Add(feed.Service.Name);
                        }
                    }

                    counters.OrganisationDone();
                    await Heartbeat(runId, counters, "organisations", ct);
                });

            await RegisterAsync(organisations, cancellationToken);
            synced = organisations;
        }
        catch (Exception exception) when (exception is NpgsqlException or UpstreamException or OperationCanceledException)
        {
            error = exception.Message;
            LogRunFailed(runId, exception);
        }

        var status = error is not null || (!counters.Failures.IsEmpty && counters.Passes == 0) ? "failed"
            : counters.Failures.IsEmpty ? "completed"
            : "partial";
        await CloseAsync(runId, status, counters, error);
        var result = new SyncRunResult(runId, status, counters.Read, counters.Written, counters.Deleted, counters.Rejected, counters.Passes,
            counters.Failures.ToArray(), Stopwatch.GetElapsedTime(started));
        LogRunFinished(runId, status, result.RowsRead, result.RowsWritten, result.Failures.Count, result.Elapsed.TotalSeconds);
        if (counters.Written > 0)
        {
            await NotifyAsync(synced, cancellationToken);
        }

        return result;
    }

    /// <summary>The listeners of a run that wrote rows, after it is closed; a listener's store failure is logged, not the run's.</summary>
    private async Task NotifyAsync(IReadOnlyList<string> organisations, CancellationToken cancellationToken)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.SyncedAsync(organisations, cancellationToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                LogListenerFailed(listener.GetType().Name, exception);
            }
        }
    }

    private void Count(IUpstreamFeed feed, PageWriteResult result)
    {
        foreach (var (outcome, rows) in new[] { ("written", result.Written), ("deleted", result.Deleted), ("rejected", result.Rejected) })
        {
            if (rows > 0)
            {
                circuits.Rows.Add(rows,
                    new KeyValuePair<string, object?>("source", Source),
                    new KeyValuePair<string, object?>("entity", feed.Entity),
                    new KeyValuePair<string, object?>("outcome", outcome));
            }
        }
    }

    private SyncCounters Counters(SyncRequest request) => new()
    {
        Request = request,
        Upstreams = (request.Services ?? UpstreamServices.All).Where(s => circuits.Options(s).Configured).Select(s => s.Name).ToArray(),
    };

    /// <summary>One entity of one scope, from its watermark (or cursor) to the last page; false when it failed.</summary>
    private async Task<bool> PassAsync(
        IUpstreamFeed feed, string? organisation, SyncMode mode, string runId, DateTimeOffset startedAt, SyncCounters counters,
        CancellationToken cancellationToken)
    {
        var scope = organisation ?? "*";
        var now = timeProvider.GetUtcNow();
        var pageSize = Math.Clamp(circuits.Options(feed.Service).PageSize, 1, 1000);
        try
        {
            SyncStateRow? state;
            await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            {
                state = await connection.QuerySingleOrDefaultAsync<SyncStateRow>(new CommandDefinition(SourceSql.Get("Upstream.State.Read"),
                    new { source = Source, entity = feed.Entity, scope }, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(SourceSql.Get("Upstream.State.Start"),
                    new { source = Source, entity = feed.Entity, scope, now }, cancellationToken: cancellationToken));
            }

            var since = mode == SyncMode.Incremental && state?.Watermark is { } watermark
                ? watermark - TimeSpan.FromSeconds(_options.OverlapSeconds)
                : (DateTimeOffset?)null;
            // An incremental pass interrupted mid-way resumes from its cursor; its first page's asOf is lost, so its start stands in
            // (earlier, so safe). A full pass always lists from the start: its reconcile needs every key.
            var cursor = mode == SyncMode.Incremental ? state?.Cursor : null;
            DateTimeOffset? firstAsOf = cursor is not null ? state?.LastStartedAt : null;
            var request = new FeedRequest(organisation, new PageRequest(since, cursor, pageSize), mode, startedAt)
            {
                ActivityFrom = mode == SyncMode.Full ? DateOnly.FromDateTime(startedAt.UtcDateTime).AddDays(-_options.ActivityReconcileDays) : null,
            };
            var seen = new Dictionary<StoreTable, HashSet<string>>();
            long written = 0, deleted = 0;

            var retried = await RetryRejectsAsync(feed, scope, request, cancellationToken);
            counters.Add(0, retried);
            written += retried.Written;

            while (true)
            {
                var page = await feed.ReadPageAsync(services, request with { Page = request.Page with { Cursor = cursor } }, cancellationToken);
                firstAsOf ??= page.AsOf;
                var result = await WritePageAsync(feed, scope, page, runId, cancellationToken);
                counters.Add(page.Batch.Items, result);
                Count(feed, result);
                written += result.Written;
                deleted += result.Deleted;
                if (mode == SyncMode.Full)
                {
                    foreach (var table in page.Batch.Tables.Where(t => t.Table.Reconciled))
                    {
                        var keys = seen.TryGetValue(table.Table, out var set) ? set : seen[table.Table] = new HashSet<string>(StringComparer.Ordinal);
                        keys.UnionWith(table.Upserts.Select(r => r.Key));
                    }
                }

                await Heartbeat(runId, counters, feed.Entity, cancellationToken);
                cursor = page.NextCursor;
                if (cursor is null)
                {
                    break;
                }
            }

            if (mode == SyncMode.Full && organisation is not null)
            {
                var reconciled = await ReconcileAsync(feed, organisation, seen, request.ActivityFrom, cancellationToken);
                counters.AddDeleted(reconciled);
                deleted += reconciled;
            }

            await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            {
                await connection.ExecuteAsync(new CommandDefinition(SourceSql.Get("Upstream.State.Succeeded"), new
                {
                    source = Source,
                    entity = feed.Entity,
                    scope,
                    watermark = mode == SyncMode.Full ? startedAt : firstAsOf,
                    now = timeProvider.GetUtcNow(),
                    full = mode == SyncMode.Full,
                    written,
                    deleted,
                }, cancellationToken: cancellationToken));
            }

            counters.PassDone();
            circuits[feed.Service].PassSucceeded();
            return true;
        }
        catch (UpstreamException exception)
        {
            await FailAsync(feed, organisation, $"{exception.Code}: {exception.Message}", counters, cancellationToken);
            return false;
        }
        catch (PostgresException exception)
        {
            // A statement the store refused as a whole (not one row): this pass fails, the run goes on.
            await FailAsync(feed, organisation, $"store: {exception.MessageText}", counters, cancellationToken);
            return false;
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or NpgsqlException))
        {
            // Anything else (a stored reject of an older shape, a bug in a mapping) fails this pass, not the run.
            LogPassCrashed(feed.Service.Name, feed.Entity, organisation ?? "*", exception);
            await FailAsync(feed, organisation, $"internal: {exception.GetType().Name}", counters, cancellationToken);
            return false;
        }
    }

    private async Task<PageWriteResult> WritePageAsync(IUpstreamFeed feed, string scope, FeedPage page, string runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await writer.WriteAsync(connection, transaction, feed.Entity, scope, page.Batch, timeProvider.GetUtcNow(), cancellationToken);
        // SOURCES.md §3.4: more than MaxRejectRatio of a page rejected fails the pass; one bad item never does, so a small page with
        // one item the store cannot take does not fail its pass on every run.
        if (page.Batch.Items > 0 && result.Rejected > Math.Max(1, _options.MaxRejectRatio * page.Batch.Items))
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new UpstreamException(feed.Service, UpstreamFailure.TooManyRejects,
                $"{feed.Service.Name}: {result.Rejected} of {page.Batch.Items} {feed.Entity} items of a page were rejected");
        }

        await connection.ExecuteAsync(new CommandDefinition(SourceSql.Get("Upstream.State.Checkpoint"),
            new { source = Source, entity = feed.Entity, scope, cursor = page.NextCursor, runId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Items rejected by an earlier pass, mapped and written again first (a parent may have arrived since).</summary>
    private async Task<PageWriteResult> RetryRejectsAsync(IUpstreamFeed feed, string scope, FeedRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var payloads = (await connection.QueryAsync<string>(new CommandDefinition(SourceSql.Get("Upstream.Rejects.Read"),
            new { source = Source, entity = feed.Entity, scope }, cancellationToken: cancellationToken))).ToArray();
        if (payloads.Length == 0)
        {
            return new PageWriteResult(0, 0, 0);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await writer.WriteAsync(connection, transaction, feed.Entity, scope, feed.MapStored(payloads, request), timeProvider.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result with { Rejected = 0 };
    }

    private async Task<long> ReconcileAsync(
        IUpstreamFeed feed, string organisation, Dictionary<StoreTable, HashSet<string>> seen, DateOnly? activityFrom, CancellationToken cancellationToken)
    {
        long deleted = 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var table in feed.Tables.Where(t => t.Reconciled))
        {
            // A listing that returned nothing at all deletes nothing: an empty answer is likelier a fault than an organisation that
            // lost every row of a kind (deletions one by one come as tombstones).
            if (!seen.TryGetValue(table, out var set) || set.Count == 0)
            {
                LogEmptyReconcile(feed.Service.Name, table.Name, organisation);
                continue;
            }

            var keys = set.ToArray();
            deleted += await connection.ExecuteAsync(new CommandDefinition(SourceSql.Get(table.ReconcileSql),
                new { organisationId = organisation, seen = keys, source = Source, from = activityFrom }, commandTimeout: 300, cancellationToken: cancellationToken));
        }

        return deleted;
    }

    private async Task FailAsync(IUpstreamFeed feed, string? organisation, string error, SyncCounters counters, CancellationToken cancellationToken)
    {
        var scope = organisation ?? "*";
        counters.Failures.Enqueue($"{feed.Service.Name}/{feed.Entity}/{scope}: {error}");
        LogPassFailed(feed.Service.Name, feed.Entity, scope, error);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SourceSql.Get("Upstream.State.Failed"),
            new { source = Source, entity = feed.Entity, scope, now = timeProvider.GetUtcNow(), error }, cancellationToken: cancellationToken));
    }

    private async Task<IReadOnlyList<string>> OrganisationsAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        if (request.OrganisationId is { } one)
        {
            return [one];
        }

        if (_options.Organisations.Length > 0)
        {
            return _options.Organisations;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(SourceSql.Get("Upstream.Organisations"),
            new { source = Source }, cancellationToken: cancellationToken))).ToArray();
    }

    private async Task RegisterAsync(IReadOnlyList<string> organisations, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SourceSql.Get("Upstream.Sources.Register"),
            new { source = Source, provides = Provides(), now = timeProvider.GetUtcNow(), organisations = organisations.ToArray() },
            cancellationToken: cancellationToken));
    }

    private async Task Heartbeat(string runId, SyncCounters counters, string stage, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SourceSql.Get("Upstream.Run.Heartbeat"), new
        {
            id = runId,
            progress = counters.Progress(stage),
            read = counters.Read,
            written = counters.Written,
            rejected = counters.Rejected,
            now = timeProvider.GetUtcNow(),
        }, cancellationToken: cancellationToken));
    }

    /// <summary>Closing is done even when the run was cancelled, so no run stays `running`.</summary>
    private async Task CloseAsync(string runId, string status, SyncCounters counters, string? error)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
            await connection.ExecuteAsync(new CommandDefinition(SourceSql.Get("Upstream.Run.Close"), new
            {
                id = runId,
                status,
                progress = counters.Progress("done"),
                read = counters.Read,
                written = counters.Written,
                rejected = counters.Rejected,
                now = timeProvider.GetUtcNow(),
                error = error ?? (counters.Failures.IsEmpty ? null : string.Join("; ", counters.Failures.Take(5))),
            }, cancellationToken: CancellationToken.None));
        }
        catch (NpgsqlException exception)
        {
            LogRunFailed(runId, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream pass {Service}/{Entity} for {Scope} failed: {Error}")]
    private partial void LogPassFailed(string service, string entity, string scope, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Full reconcile of {Service}/{Table} for {Organisation} skipped: the listing returned no rows")]
    private partial void LogEmptyReconcile(string service, string table, string organisation);

    [LoggerMessage(Level = LogLevel.Error, Message = "Upstream pass {Service}/{Entity} for {Scope} crashed")]
    private partial void LogPassCrashed(string service, string entity, string scope, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Listener} after a sync failed; its nightly job catches up")]
    private partial void LogListenerFailed(string listener, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Upstream sync run {RunId} failed")]
    private partial void LogRunFailed(string runId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Upstream sync run {RunId} {Status}: {Read} items read, {Written} rows written, {Failures} failed passes in {Seconds:F1} s")]
    private partial void LogRunFinished(string runId, string status, long read, long written, int failures, double seconds);
}
