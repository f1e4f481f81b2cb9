using Analytics.Api.Shared.Freshness;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Shared.Freshness;

/// <summary>
/// The test host runs no background refresh workers (AnalyticsApiFactory), so tests run queued jobs themselves and drop memory
/// entries to reach the snapshot layer.
/// </summary>
public static class RefreshTestJobs
{
    /// <summary>Runs queued jobs until the queue is empty (every test leaves it empty, so later reads are not "refreshing").</summary>
    public static async Task DrainAsync()
    {
        var worker = TestHost.Factory.Services.GetRequiredService<RefreshWorker>();
        for (var i = 0; i < 1000 && await worker.RunNextAsync("test-drain", CancellationToken.None); i++)
        {
        }
    }

    /// <summary>Drops this host's memory entries about a subject, as a refresh of it on any instance does.</summary>
    public static async Task EvictAsync(string subjectType, string subjectId, string role) =>
        await TestHost.Factory.Services.GetRequiredService<HybridCache>()
            .RemoveByTagAsync(new RefreshSubject(subjectType, subjectId, role).CacheTag);

    /// <summary>Waits until the host has heard (through NOTIFY) that the subject has no live job.</summary>
    public static async Task WaitUntilIdleAsync(string subjectType, string subjectId, string role)
    {
        var active = TestHost.Factory.Services.GetRequiredService<ActiveRefreshes>();
        for (var i = 0; i < 100 && active.Find(new RefreshSubject(subjectType, subjectId, role)) is not null; i++)
        {
            await Task.Delay(50);
        }
    }
}
