using System.Globalization;
using Analytics.Api.Shared.Sources.Upstream;
using Microsoft.Extensions.Logging.Console;
using Npgsql;

namespace Analytics.Api.Features.Sources.UpstreamStub;

/// <summary>
/// `analytics stub upstreams [--port 5100] [--connection …] [--token …]`: serves a store (one filled by `generate`) over the
/// contract of the nine platform services until Ctrl-C, so that `Sources:Mode=upstream` can be tried on one machine with every
/// `Upstreams:&lt;Name&gt;:BaseUrl` at `http://127.0.0.1:&lt;port&gt;/&lt;service-name&gt;`. Logs go to stderr; the address to stdout.
/// Exit codes: 0 stopped, 1 cannot listen, 2 bad arguments, 3 the store cannot be read or is empty.
/// </summary>
public static class UpstreamStubCommand
{
    public const int CannotListen = 1;
    public const int BadArguments = 2;
    public const int BadStore = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        UpstreamStubOptions options;
        WebApplication app;
        try
        {
            options = UpstreamStubOptions.Parse(args);
            app = UpstreamStubHost.Create(options, logging =>
            {
                logging.AddSimpleConsole(console => console.SingleLine = true);
                logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
                logging.SetMinimumLevel(LogLevel.Warning);
            });
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return BadArguments;
        }

        await using (app)
        {
            long organisations;
            try
            {
                organisations = await UpstreamStubHost.OrganisationCountAsync(app, CancellationToken.None);
            }
            catch (PostgresException exception)
            {
                await Console.Error.WriteLineAsync($"stub: the database is not a filled store ({exception.MessageText}); fill it with `generate` first.");
                return BadStore;
            }
            catch (NpgsqlException exception)
            {
                await Console.Error.WriteLineAsync($"stub: the store cannot be reached ({exception.Message}).");
                return BadStore;
            }

            if (organisations == 0)
            {
                await Console.Error.WriteLineAsync("stub: the store holds no organisation; fill it with `generate` first.");
                return BadStore;
            }

            try
            {
                await app.StartAsync();
            }
            catch (IOException exception)
            {
                await Console.Error.WriteLineAsync($"stub: cannot listen on 127.0.0.1:{options.Port} ({exception.Message}).");
                return CannotListen;
            }

            var address = UpstreamStubHost.Address(app).ToString().TrimEnd('/');
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"upstream stub on {address}: {UpstreamStubListings.All.Count} listings of {UpstreamServices.All.Count} services over {organisations} organisations{(options.Token is null ? "" : ", bearer token required")}"));
            await Console.Out.WriteLineAsync($"  Upstreams:<Name>:BaseUrl = {address}/<service-name> ({string.Join(", ", UpstreamServices.All.Select(s => s.Name))})");
            await app.WaitForShutdownAsync();
            return 0;
        }
    }
}
