using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Operations;

/// <summary>`services.scheduler` of /api/health (API.md §4.10): the clustered scheduler runs, the latest nightly run, the next fire time.</summary>
public sealed class HealthSchedulerTests
{
    [Test]
    public async Task Health_ReportsTheLatestNightlyRunAndTheNextNightlyFireTime()
    {
        const string Night = "job_health_night";
        var day = new DateOnly(2098, 12, 31);
        await TestStore.ExecuteAsync(
            """
            INSERT INTO analytics.batch_runs (id, kind, run_date, trigger, status, ref_time, started_at, finished_at, instance)
            VALUES (@Night, 'recalculation', @day, 'nightly', 'abandoned', '2026-01-02T02:00:00Z', '2026-01-02T02:00:01Z', '2026-01-02T02:30:00Z', 'h')
            """,
            new { Night, day });
        try
        {
            using var response = await ApiClient.GetAsync("/api/health", null);
            var scheduler = (await ApiClient.ReadJsonAsync(response))["services"]!["scheduler"]!;
            var now = DateTime.UtcNow;
            var next = new DateTime(now.Year, now.Month, now.Day, 2, 0, 0, DateTimeKind.Utc);
            next = next > now ? next : next.AddDays(1);

            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(scheduler["status"]!.GetValue<string>(), Is.EqualTo("up"));
                Assert.That(scheduler["lastNightlyRunAt"]!.GetValue<string>(), Is.EqualTo("2026-01-02T02:00:01Z"));
                Assert.That(scheduler["lastNightlyStatus"]!.GetValue<string>(), Is.EqualTo("failed"), "abandoned reads as failed");
                Assert.That(scheduler["nextNightlyRunAt"]!.GetValue<string>(), Is.EqualTo(next.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)));
            });
        }
        finally
        {
            await TestStore.ExecuteAsync("DELETE FROM analytics.batch_runs WHERE id = @Night", new { Night });
        }
    }
}
