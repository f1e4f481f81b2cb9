using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Hosting;
using Microsoft.Extensions.Logging.Console;

namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// `sync upstreams [--full] [--organisation &lt;id&gt;] [--upstreams a,b]`: one sync run now, in this process, with the configured
/// services (the same runner as the scheduled jobs). Exit codes: 0 completed, 1 failed, 2 bad arguments, 4 a run is already
/// running, 5 partial (some passes failed; they are listed).
/// </summary>
public static class UpstreamSyncCommand
{
    private const string Usage = "Usage: sync upstreams [--full] [--organisation <id>] [--upstreams auth,directory,…]";

    public static async Task<int> RunAsync(string[] args)
    {
        SyncRequest request;
        try
        {
            request = Parse(args);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.AddAnalytics();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        await using var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Analytics.Cli");
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        await DatabaseMigrator.MigrateAsync(DatabaseSetup.ConnectionString(builder.Configuration), logger, cancellation.Token);
        var sync = app.Services.GetRequiredService<UpstreamSync>();
        if (app.Services.GetRequiredService<UpstreamCircuits>().Configured.Count == 0)
        {
            await Console.Error.WriteLineAsync("No upstream service is configured (Upstreams:<Name>:BaseUrl).");
            return 2;
        }

        if (await sync.RunningAsync(cancellation.Token) is { } running)
        {
            await Console.Error.WriteLineAsync($"Sync run {running} is still running.");
            return 4;
        }

        var result = await sync.RunAsync(request, cancellation.Token);
        Console.WriteLine(
            $"sync {result.RunId}: {result.Status}, {result.RowsRead} items read, {result.RowsWritten} rows written, {result.RowsDeleted} deleted, " +
            $"{result.RowsRejected} rejected, {result.Passes} passes in {result.Elapsed.TotalSeconds:F1} s");
        foreach (var failure in result.Failures)
        {
            Console.WriteLine($"  failed: {failure}");
        }

        return result.Status switch { "completed" => 0, "partial" => 5, _ => 1 };
    }

    private static SyncRequest Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "upstreams")
        {
            throw new ArgumentException(Usage);
        }

        var mode = SyncMode.Incremental;
        string? organisation = null;
        UpstreamService[]? services = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--full":
                    mode = SyncMode.Full;
                    break;
                case "--organisation" when i + 1 < args.Length:
                    organisation = args[++i];
                    break;
                case "--upstreams" when i + 1 < args.Length:
                    services = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(n => UpstreamServices.Find(n) ?? throw new ArgumentException($"Unknown upstream '{n}'. {Usage}"))
                        .ToArray();
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'. {Usage}");
            }
        }

        return new SyncRequest(mode, services, organisation) { Trigger = "cli" };
    }
}
