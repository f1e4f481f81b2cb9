using Analytics.Api.Shared.Freshness;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Shared.Freshness;

/// <summary>DATA_MODEL.md §2: a running job whose heartbeat stopped goes back to the queue, and fails after its third attempt.</summary>
public sealed class RefreshJobsTests
{
    [SetUp]
    public Task EmptyTheQueue() => RefreshTestJobs.DrainAsync();

    [Test]
    public async Task RequeueAbandoned_ReturnsSilentJobsToTheQueueAndFailsThemAfterThreeAttempts()
    {
        await TestStore.ExecuteAsync(
            """
            INSERT INTO analytics.refresh_jobs (id, subject_type, subject_id, role, analytics, trigger, status, stage, heartbeat_at, worker, attempts, started_at)
            VALUES ('job_requeue_once', 'learner', 'rq-learner-a', 'learner', '{velocity}', 'manual', 'running', 'computing', now() - interval '5 minutes', 'dead', 1, now() - interval '6 minutes'),
                   ('job_requeue_last', 'learner', 'rq-learner-b', 'learner', '{velocity}', 'manual', 'running', 'computing', now() - interval '5 minutes', 'dead', 3, now() - interval '6 minutes'),
                   ('job_requeue_live', 'learner', 'rq-learner-c', 'learner', '{velocity}', 'manual', 'running', 'computing', now(), 'alive', 1, now())
            """);
        var jobs = TestHost.Factory.Services.GetRequiredService<RefreshJobs>();

        var moved = await jobs.RequeueAbandonedAsync(TimeSpan.FromMinutes(2), CancellationToken.None);

        var states = await TestStore.ScalarAsync<string>(
            "SELECT string_agg(id || ':' || status || ':' || coalesce(worker, '-'), ',' ORDER BY id) FROM analytics.refresh_jobs WHERE id LIKE 'job_requeue_%'");
        await TestStore.ExecuteAsync("DELETE FROM analytics.refresh_jobs WHERE id LIKE 'job_requeue_%'");
        Assert.Multiple(() =>
        {
            Assert.That(moved, Is.EqualTo(2));
            Assert.That(states, Is.EqualTo("job_requeue_last:failed:-,job_requeue_live:running:alive,job_requeue_once:queued:-"));
        });
    }
}
