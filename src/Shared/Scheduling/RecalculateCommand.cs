using System.Globalization;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Freshness;
using Analytics.Api.Shared.Hosting;
using Microsoft.Extensions.Logging.Console;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>
/// `analytics recalculate [--organisation <id>] [--analytics a,b] [--nightly [--date YYYY-MM-DD]] [--resume]`: the recalculation
/// in this process, with the service's own registrations but none of its hosted services (no HTTP, no scheduler). Without
/// options it queues and runs a manual run of everything; `--nightly` claims the day's nightly run (resuming it when it stopped);
/// `--resume` continues the running run left by a dead instance. Logs go to stderr; the figures of the run to stdout.
/// Exit codes: 0 completed (or nothing to do), 1 failed, 2 bad arguments, 4 another run is running, 130 interrupted.
/// </summary>
public static class RecalculateCommand
{
    public const int Failed = 1;
    public const int BadArguments = 2;
    public const int AlreadyRunning = 4;
    public const int Interrupted = 130;

    private const string Usage = "Usage: recalculate [--organisation <id>] [--analytics a,b] [--nightly [--date YYYY-MM-DD]] [--resume]";

    public static async Task<int> RunAsync(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return BadArguments;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.AddAnalytics();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        await using var app = builder.Build();
        var services = app.Services;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Analytics.Cli");
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        await DatabaseMigrator.MigrateAsync(DatabaseSetup.ConnectionString(builder.Configuration), logger, cancellation.Token);
        var unknown = options.Analytics?.Where(a => !services.GetRequiredService<SnapshotAnalytics>().All.Any(s => s.Analytic == a)).ToArray();
        if (unknown is { Length: > 0 })
        {
            await Console.Error.WriteLineAsync($"recalculate: unknown analytics {string.Join(", ", unknown)}. {Usage}");
            return BadArguments;
        }

        var recalculation = services.GetRequiredService<Recalculation>();
        var runs = services.GetRequiredService<BatchRuns>();
        RecalculationRequest request;
        if (options.Nightly)
        {
            request = RecalculationRequest.Nightly(options.Date ?? DateOnly.FromDateTime(DateTime.UtcNow), waitWhileBusy: false);
        }
        else if (options.Resume)
        {
            if (await runs.RunningAsync(cancellation.Token) is not { } running)
            {
                await Console.Out.WriteLineAsync("no recalculation is running: nothing to resume");
                return 0;
            }

            request = RecalculationRequest.Existing(running.Id, waitWhileBusy: false);
        }
        else
        {
            var parameters = new RecalculationParameters(options.OrganisationId, options.Analytics);
            if (await runs.CreateManualAsync(parameters, null, recalculation.Settings.Instance, cancellation.Token) is not { } queued)
            {
                var running = await runs.RunningAsync(cancellation.Token);
                await Console.Error.WriteLineAsync(
                    $"recalculate: {running?.Id} is running on {running?.Instance} (heartbeat {running?.HeartbeatAt:O}); use --resume once its instance is gone");
                return AlreadyRunning;
            }

            request = RecalculationRequest.Existing(queued.Id, waitWhileBusy: false);
        }

        RecalculationOutcome outcome;
        try
        {
            outcome = await recalculation.RunAsync(request, cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("recalculate: interrupted before the run started");
            return Interrupted;
        }

        var run = outcome.Run;
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"run {run?.Id} {outcome.Result}: status {run?.Status}, {run?.DoneSubjects}/{run?.TotalSubjects} subjects, {run?.FailedSubjects} failed, instance {run?.Instance}"));
        if (outcome.Statistics is { } statistics)
        {
            await Console.Out.WriteAsync(statistics.Describe());
        }

        return outcome.Result switch
        {
            RecalculationResult.Completed or RecalculationResult.NothingToDo => 0,
            RecalculationResult.Busy => AlreadyRunning,
            RecalculationResult.Interrupted => Interrupted,
            _ => Failed,
        };
    }

    private sealed record Options(string? OrganisationId, IReadOnlyList<string>? Analytics, bool Nightly, DateOnly? Date, bool Resume)
    {
        public static Options Parse(string[] args)
        {
            var options = new Options(null, null, false, null, false);
            for (var i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"recalculate: {args[i]} needs a value. {Usage}");
                options = args[i] switch
                {
                    "--organisation" or "--organisation-id" => options with
                    {
                        OrganisationId = Value() is var id && Validation.IdRules.IsValid(id) ? id : throw new ArgumentException($"recalculate: bad organisation id. {Usage}"),
                    },
                    "--analytics" => options with { Analytics = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                    "--nightly" => options with { Nightly = true },
                    "--resume" => options with { Resume = true },
                    "--date" => options with
                    {
                        Date = DateOnly.TryParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                            ? date
                            : throw new ArgumentException($"recalculate: --date must be YYYY-MM-DD. {Usage}"),
                    },
                    _ => throw new ArgumentException($"recalculate: unknown option {args[i]}. {Usage}"),
                };
            }

            if ((options.Nightly || options.Resume) && (options.OrganisationId is not null || options.Analytics is not null))
            {
                throw new ArgumentException($"recalculate: --nightly and --resume take no filters (the nightly run covers everything). {Usage}");
            }

            if (options.Nightly && options.Resume)
            {
                throw new ArgumentException($"recalculate: --nightly or --resume, not both. {Usage}");
            }

            if (options.Date is not null && !options.Nightly)
            {
                throw new ArgumentException($"recalculate: --date goes with --nightly. {Usage}");
            }

            return options;
        }
    }
}
