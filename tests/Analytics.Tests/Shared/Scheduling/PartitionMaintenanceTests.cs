using Analytics.Api.Shared.Scheduling;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Shared.Scheduling;

/// <summary>History partitions exist for the coming months and an expired month (older than 7 years) is dropped (DATA_MODEL.md §8, §9).</summary>
public sealed class PartitionMaintenanceTests
{
    [Test]
    public async Task Run_CreatesTheComingMonthsAndDropsExpiredHistoryPartitions()
    {
        var today = DateTime.UtcNow;
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var expired = thisMonth.AddYears(-8);
        var kept = thisMonth.AddYears(-6);
        await TestStore.ExecuteAsync(
            "SELECT ops.ensure_month_partitions('analytics.analytics_history'::regclass, @expired, @expired); " +
            "SELECT ops.ensure_month_partitions('analytics.analytics_history'::regclass, @kept, @kept)",
            new { expired, kept });
        Assert.That(await PartitionExistsAsync(expired), Is.True, "the test needs the old partition to exist first");

        await TestHost.Factory.Services.GetRequiredService<PartitionMaintenance>().RunAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(await PartitionExistsAsync(expired), Is.False, "8 years old: dropped");
            Assert.That(await PartitionExistsAsync(kept), Is.True, "6 years old: kept");
            for (var ahead = 0; ahead <= 3; ahead++)
            {
                Assert.That(await PartitionExistsAsync(thisMonth.AddMonths(ahead)), Is.True, $"month +{ahead}");
            }
        });
    }

    private static async Task<bool> PartitionExistsAsync(DateOnly month) =>
        await TestStore.ScalarAsync<bool>(
            "SELECT to_regclass(format('analytics.analytics_history_y%sm%s', to_char(@month::date, 'YYYY'), to_char(@month::date, 'MM'))) IS NOT NULL",
            new { month });
}
