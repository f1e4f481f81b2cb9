using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Features.Sources.UpstreamStub;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Privacy;
using Analytics.Api.Shared.Sources.Demo;
using Analytics.Api.Shared.Sources.Oulad;

namespace Analytics.Api.Shared.Hosting;

/// <summary>
/// The verbs of the one executable (CONVENTIONS.md, Layout): none = serve HTTP; `migrate`; `generate …`; `import oulad <dir>`;
/// `recalculate …` (<see cref="Scheduling.RecalculateCommand"/>); `evaluate dropoff …` (<see cref="DropOffEvaluateCommand"/>);
/// `stub upstreams …` (<see cref="UpstreamStubCommand"/>); `sync upstreams …` (<see cref="Sources.Upstream.UpstreamSyncCommand"/>);
/// `check upstreams …` (<see cref="Sources.Upstream.UpstreamCheckCommand"/>).
/// Exit codes: 0 done, 2 bad arguments or a validation mismatch, 3 bad input data.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["migrate", "generate", "import", "recalculate", "evaluate", "stub", "sync", "check"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] == "recalculate")
        {
            return await Scheduling.RecalculateCommand.RunAsync(args[1..]);
        }

        if (args[0] == "sync")
        {
            return await Sources.Upstream.UpstreamSyncCommand.RunAsync(args[1..]);
        }

        if (args[0] == "check")
        {
            return await Sources.Upstream.UpstreamCheckCommand.RunAsync(args[1..]);
        }

        if (args[0] == "stub")
        {
            return await UpstreamStubCommand.RunAsync(args[1..]);
        }

        var builder = Host.CreateApplicationBuilder();
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Analytics.Cli");
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        try
        {
            // Arguments are checked before anything touches the store.
            var oulad = args[0] == "import" ? ParseImport(args) : null;
            var demo = args[0] == "generate" ? DemoOptions.Parse(args[1..]) : null;
            var evaluation = args[0] == "evaluate" ? DropOffEvaluationOptions.Parse(args[1..]) : null;
            var connectionString = oulad?.Connection ?? evaluation?.Connection ?? DatabaseSetup.ConnectionString(builder.Configuration);
            DapperTypeHandlers.Register();
            if (evaluation is not null)
            {
                return await DropOffEvaluateCommand.RunAsync(evaluation, connectionString, Console.Out, cancellation.Token);
            }

            await DatabaseMigrator.MigrateAsync(connectionString, logger, cancellation.Token);
            // Loaders leave erased people out (DATA_MODEL.md §10); with tombstones in the store they need the service's key.
            var hashKey = SubjectHashKeys.ResolveOptional(builder.Configuration[SubjectHashKeys.ConfigurationKey]);
            var tombstones = hashKey is null ? null : new ErasureTombstones(new SubjectHasher(hashKey));
            if (demo is not null)
            {
                await using var store = new Npgsql.NpgsqlConnection(connectionString);
                await store.OpenAsync(cancellation.Token);
                if (tombstones is null && await ErasureTombstones.AnyAsync(store, cancellation.Token))
                {
                    throw new InvalidOperationException(
                        "generate: the store holds erasure tombstones; set Privacy:SubjectHashKey (the service's key) so erased people stay out.");
                }

                var result = await DemoGenerator.RunAsync(connectionString, demo, logger, cancellation.Token);
                if (tombstones is not null)
                {
                    await tombstones.RemoveErasedPeopleAsync(store, cancellation.Token);
                }

                foreach (var (table, rows) in result.RowCounts.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    Console.Out.WriteLine($"{table,-28} {rows,12:N0}");
                }

                Console.Out.WriteLine($"content hash {result.ContentHash}");
                Console.Out.WriteLine($"elapsed {result.Elapsed.TotalSeconds:F1} s");
            }

            if (oulad is not null)
            {
                var result = await OuladImporter.RunAsync(connectionString, oulad with { Tombstones = tombstones }, logger, cancellation.Token);
                result.WriteReport(Console.Out);
                return result.ExitCode;
            }

            return 0;
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }
        catch (Exception exception) when (exception is OuladInputException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return OuladImportResult.BadInputExitCode;
        }
    }

    private static OuladImportOptions ParseImport(string[] args) =>
        args.Length > 1 && args[1] == "oulad"
            ? OuladImportOptions.Parse(args[2..])
            : throw new ArgumentException("Usage: import oulad <dir> [options] (SOURCES.md §4.1). Only the `oulad` importer exists.");
}
