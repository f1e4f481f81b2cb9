using Analytics.Api.Features.Gamification.Shared;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Privacy;
using Analytics.Api.Shared.Sources.Demo;

namespace Analytics.Api.Shared.Hosting;

/// <summary>
/// Start order of DATA_MODEL.md §11 before anything else starts: migrations (under an advisory lock), then, in demo mode with an
/// empty store, the demo generator. Runs in StartingAsync so the scheduler and the HTTP server start on a ready store.
/// </summary>
public sealed partial class StoreInitializer(
    IConfiguration configuration,
    ILogger<StoreInitializer> logger,
    Microsoft.IdentityModel.Tokens.SymmetricSecurityKey signingKey,
    GamificationLedger gamification,
    ErasureTombstones tombstones) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        // Resolving the key here makes a missing or weak key outside Development stop the start-up (API.md §2.1).
        _ = signingKey.KeySize;
        // So is a missing or weak Privacy:SubjectHashKey (the tombstones' key, DATA_MODEL.md §10), resolved with the tombstone check.
        _ = tombstones.Hasher;
        var connectionString = DatabaseSetup.ConnectionString(configuration);
        await DatabaseMigrator.MigrateAsync(connectionString, logger, cancellationToken);
        if (SourceModes.Current(configuration) == SourceModes.Demo
            && await DemoGenerator.StoreIsEmptyAsync(connectionString, cancellationToken))
        {
            var options = DemoOptions.FromConfiguration(configuration.GetSection("Sources:Demo"));
            LogGenerating(options.Preset, options.Seed);
            var result = await DemoGenerator.RunAsync(connectionString, options, logger, cancellationToken);
            var rows = result.RowCounts.Values.Sum();
            LogGenerated(rows, result.Elapsed.TotalSeconds, result.ContentHash);
            // A generated person who was erased before stays erased (the tombstones survive an emptied store).
            await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await tombstones.RemoveErasedPeopleAsync(connection, cancellationToken);
            }

            // Points, streaks and badges of the generated history (ANALYTICS.md §6).
            await gamification.RecomputeAsync(null, cancellationToken);

            // Generation is a one-off burst of large buffers: hand that memory back before the service settles to idle.
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Empty store in demo mode: generating the {Preset} preset with seed {Seed}")]
    private partial void LogGenerating(string preset, ulong seed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data generated: {Rows} rows in {Seconds:F1} s, content hash {Hash}")]
    private partial void LogGenerated(long rows, double seconds, string hash);
}
