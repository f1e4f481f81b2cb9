using Analytics.Api.Shared.Hosting;
using Microsoft.Extensions.Logging.Console;

namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// `check upstreams [--organisation &lt;id&gt;]` (SOURCES.md §3.7): reads one small page of every listing of every configured service
/// (for one organisation: the option, else the first of `Sync:Organisations`, else the first the Directory lists) through the
/// real clients, and checks that it is a contract page whose items all map. Writes nothing. Run it before enabling a new service.
/// Exit codes: 0 every listing conforms, 1 some do not, 2 bad arguments or nothing configured.
/// </summary>
public static class UpstreamCheckCommand
{
    private const string Usage = "Usage: check upstreams [--organisation <id>]";
    private const int SampleSize = 20;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length is not (1 or 3) || args[0] != "upstreams" || (args.Length == 3 && args[1] != "--organisation"))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.AddAnalytics();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        var circuits = app.Services.GetRequiredService<UpstreamCircuits>();
        var feeds = app.Services.GetRequiredService<UpstreamSync>().Feeds.Where(f => circuits.Options(f.Service).Configured).ToArray();
        if (feeds.Length == 0)
        {
            await Console.Error.WriteLineAsync("No upstream service is configured (Upstreams:<Name>:BaseUrl).");
            return 2;
        }

        var now = DateTimeOffset.UtcNow;
        var organisation = args.Length == 3 ? args[2] : SyncOptions.From(builder.Configuration).Organisations.FirstOrDefault();
        var failures = 0;
        foreach (var feed in feeds.OrderBy(f => f.Order))
        {
            var request = new FeedRequest(feed.PlatformScope ? null : organisation, new PageRequest(null, null, SampleSize), SyncMode.Incremental, now);
            if (!feed.PlatformScope && organisation is null)
            {
                Console.WriteLine($"skip  {feed.Service.Name,-15} {feed.Entity,-22} no organisation to read (give --organisation)");
                continue;
            }

            try
            {
                var page = await feed.ReadPageAsync(app.Services, request, CancellationToken.None);
                var rejects = page.Batch.Rejects;
                var ok = rejects.Count == 0;
                failures += ok ? 0 : 1;
                Console.WriteLine($"{(ok ? "ok  " : "FAIL")}  {feed.Service.Name,-15} {feed.Entity,-22} {page.Batch.Items} items" +
                                  (ok ? string.Empty : $", {rejects.Count} not mappable: {string.Join("; ", rejects.Take(3).Select(r => $"{r.Key}: {r.Reason}"))}"));
                if (feed.Entity == "organisations" && organisation is null)
                {
                    organisation = page.Batch.Tables.SelectMany(t => t.Upserts).Select(r => r.Key).FirstOrDefault();
                }
            }
            catch (UpstreamException exception)
            {
                failures++;
                Console.WriteLine($"FAIL  {feed.Service.Name,-15} {feed.Entity,-22} {exception.Code}: {exception.Message}");
            }
        }

        return failures == 0 ? 0 : 1;
    }
}
