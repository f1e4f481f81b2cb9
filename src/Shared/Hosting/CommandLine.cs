using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Sources.Demo;

namespace Analytics.Api.Shared.Hosting;

/// <summary>The verbs of the one executable (CONVENTIONS.md, Layout): none = serve HTTP; `migrate`; `generate …`.</summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["migrate", "generate"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
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
            var connectionString = DatabaseSetup.ConnectionString(builder.Configuration);
            DapperTypeHandlers.Register();
            await DatabaseMigrator.MigrateAsync(connectionString, logger, cancellation.Token);
            if (args[0] == "generate")
            {
                var options = DemoOptions.Parse(args[1..]);
                var result = await DemoGenerator.RunAsync(connectionString, options, logger, cancellation.Token);
                foreach (var (table, rows) in result.RowCounts.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    Console.Out.WriteLine($"{table,-28} {rows,12:N0}");
                }

                Console.Out.WriteLine($"content hash {result.ContentHash}");
                Console.Out.WriteLine($"elapsed {result.Elapsed.TotalSeconds:F1} s");
            }

            return 0;
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }
    }
}
