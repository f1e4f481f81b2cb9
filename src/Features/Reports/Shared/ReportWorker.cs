using Analytics.Api.Features.Reports.Shared.Rendering;
using Analytics.Api.Features.Reports.Shared.Schedules;

namespace Analytics.Api.Features.Reports.Shared;

/// <summary>
/// Renders queued reports off the request thread (`Reports:Workers` loops, 1 by default): claims one with FOR UPDATE SKIP LOCKED,
/// collects its sections, renders and stores the file; polls every `Reports:PollSeconds` (2) or at once when this instance queues
/// one. Purges expired reports hourly. A scheduled run's report is delivered by its schedule's channel once it ends.
/// </summary>
public sealed partial class ReportWorker(
    IServiceScopeFactory scopes,
    ReportStore store,
    ReportQueueSignal signal,
    ReportRenderHooks hooks,
    ScheduleDeliveries deliveries,
    IEnumerable<IReportRenderer> renderers,
    IConfiguration configuration,
    TimeProvider timeProvider,
    ILogger<ReportWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    private readonly Dictionary<string, IReportRenderer> _renderers = renderers.ToDictionary(r => r.Format);
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = configuration.GetValue("Reports:Workers", 1);
        return Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => LoopAsync(stoppingToken), stoppingToken)));
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(configuration.GetValue("Reports:PollSeconds", 2.0));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PurgeIfDueAsync(stoppingToken);
                if (!await RunNextAsync(stoppingToken))
                {
                    await signal.WaitAsync(poll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogLoopFailed(exception);
                await Task.Delay(poll, timeProvider, stoppingToken);
            }
        }
    }

    /// <summary>Claims and renders one queued report; false when none was waiting.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        var report = await store.ClaimAsync(cancellationToken);
        if (report is null)
        {
            return false;
        }

        try
        {
            if (hooks.BeforeRender is { } before)
            {
                await before(report, cancellationToken);
            }

            await using var scope = scopes.CreateAsyncScope();
            var collector = scope.ServiceProvider.GetRequiredService<ReportContentCollector>();
            var content = await collector.CollectAsync(scope.ServiceProvider, report, cancellationToken);
            await store.ProgressAsync(report.Id, 60, cancellationToken);
            var bytes = _renderers[report.Format].Render(content);
            var file = new ReportFile(
                ReportFileNames.For(report.Title, content.GeneratedAt, report.Format), ReportFormats.ContentType(report.Format), bytes);
            await store.CompleteAsync(report.Id, file, ReportPreviews.Build(content), cancellationToken);
            LogCompleted(report.Id, report.Format, bytes.Length);
            await deliveries.AfterReportAsync(report, completed: true, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(report.Id, exception);
            await store.FailAsync(report.Id, exception.GetType().Name + ": " + exception.Message, CancellationToken.None);
            await deliveries.AfterReportAsync(report, completed: false, CancellationToken.None);
        }

        return true;
    }

    private async Task PurgeIfDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (now < _nextPurge)
        {
            return;
        }

        _nextPurge = now + PurgeInterval;
        var purged = await store.PurgeExpiredAsync(cancellationToken);
        if (purged > 0)
        {
            LogPurged(purged);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {ReportId} completed ({Format}, {Bytes} bytes)")]
    private partial void LogCompleted(string reportId, string format, int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report {ReportId} failed")]
    private partial void LogFailed(string reportId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The report worker loop failed; retrying")]
    private partial void LogLoopFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired reports")]
    private partial void LogPurged(int count);
}
