using Analytics.Api.Shared.Scheduling;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Shared.Scheduling;

/// <summary>
/// DATA_MODEL.md §9: snapshots go after 7 days only when the latest nightly run completed (and started after them); refresh jobs
/// and batch failures 7 days after they finished; batch runs after 90 days.
/// </summary>
public sealed class RetentionTests
{
    // Later than any real run date, so these rows are "the latest nightly run" while the test runs.
    private static readonly DateOnly LatestNight = new(2099, 1, 1);

    [Test]
    public async Task Run_KeepsOldSnapshotsWhileTheNightlyRunFailsAndDeletesThemOnceItCompleted()
    {
        await SeedAsync();
        try
        {
            await NightlyAsync("failed");
            var whileFailing = await RunAsync();
            var keptWhileFailing = await CountAsync("SELECT count(*) FROM analytics.analytics_snapshots WHERE subject_id LIKE 'ret-%'");

            await NightlyAsync("completed");
            var afterSuccess = await RunAsync();

            Assert.Multiple(async () =>
            {
                Assert.That(whileFailing.SnapshotCutoff, Is.Null);
                Assert.That(keptWhileFailing, Is.EqualTo(2), "nothing is purged while the nightly run is failing");
                Assert.That(afterSuccess.SnapshotCutoff, Is.Not.Null);
                Assert.That(await SubjectsLeftAsync(), Is.EqualTo(new[] { "ret-recent" }), "8 days old: deleted; 1 day old: kept");
            });
        }
        finally
        {
            await TestStore.ExecuteAsync("DELETE FROM analytics.batch_runs WHERE id LIKE 'job_ret%'");
        }
    }

    [Test]
    public async Task Run_DeletesFinishedJobsAfter7DaysAndBatchRunsAfter90Days()
    {
        await SeedAsync();
        try
        {
            await RunAsync();

            Assert.Multiple(async () =>
            {
                Assert.That(await CountAsync("SELECT count(*) FROM analytics.refresh_jobs WHERE id = 'job_ret_refresh_old'"), Is.Zero);
                Assert.That(await CountAsync("SELECT count(*) FROM analytics.refresh_jobs WHERE id IN ('job_ret_refresh_new', 'job_ret_refresh_live')"), Is.EqualTo(2));
                Assert.That(await CountAsync("SELECT count(*) FROM analytics.batch_failures WHERE run_id = 'job_ret_run_week'"), Is.Zero, "failures of a run finished 8 days ago");
                Assert.That(await CountAsync("SELECT count(*) FROM analytics.batch_runs WHERE id = 'job_ret_run_week'"), Is.EqualTo(1), "the run itself stays 90 days");
                Assert.That(await CountAsync("SELECT count(*) FROM analytics.batch_runs WHERE id = 'job_ret_run_old'"), Is.Zero);
                Assert.That(await CountAsync("SELECT count(*) FROM analytics.batch_failures WHERE run_id = 'job_ret_run_new'"), Is.EqualTo(1));
            });
        }
        finally
        {
            await TestStore.ExecuteAsync("DELETE FROM analytics.batch_runs WHERE id LIKE 'job_ret%'");
        }
    }

    private static Task<RetentionResult> RunAsync() =>
        TestHost.Factory.Services.GetRequiredService<Retention>().RunAsync(CancellationToken.None);

    private static Task NightlyAsync(string status) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO analytics.batch_runs (id, kind, run_date, trigger, status, ref_time, started_at, finished_at, instance)
            VALUES ('job_ret_night', 'recalculation', @LatestNight, 'nightly', @status, now() - interval '1 hour', now() - interval '1 hour', now(), 'ret')
            ON CONFLICT (id) DO UPDATE SET status = excluded.status
            """,
            new { LatestNight, status });

    private static async Task SeedAsync()
    {
        await TestStore.ExecuteAsync(
            """
            DELETE FROM analytics.analytics_snapshots WHERE subject_id LIKE 'ret-%';
            DELETE FROM analytics.refresh_jobs WHERE id LIKE 'job_ret%';
            DELETE FROM analytics.batch_runs WHERE id LIKE 'job_ret%';
            INSERT INTO analytics.analytics_snapshots
                (subject_type, subject_id, role, analytic, payload, computed_at, data_as_of, source, definition_version, inputs_hash,
                 attempted_at, attempt_status)
            SELECT 'learner', s.id, 'learner', 'velocity', '{}', now() - s.age, now() - s.age, 'demo', 'velocity@1.0',
                   sha256(convert_to(s.id, 'UTF8')), now() - s.age, 'computed'
            FROM (VALUES ('ret-old', interval '8 days'), ('ret-recent', interval '1 day')) AS s(id, age);
            INSERT INTO analytics.refresh_jobs (id, subject_type, subject_id, role, analytics, trigger, status, requested_at, finished_at)
            VALUES ('job_ret_refresh_old', 'learner', 'ret-a', 'learner', '{velocity}', 'manual', 'completed', now() - interval '9 days', now() - interval '8 days'),
                   ('job_ret_refresh_new', 'learner', 'ret-b', 'learner', '{velocity}', 'manual', 'completed', now() - interval '2 days', now() - interval '1 day'),
                   ('job_ret_refresh_live', 'learner', 'ret-c', 'learner', '{velocity}', 'stale-read', 'queued', now() - interval '9 days', NULL);
            INSERT INTO analytics.batch_runs (id, kind, run_date, trigger, status, ref_time, started_at, finished_at, instance)
            VALUES ('job_ret_run_old', 'recalculation', current_date - 100, 'manual', 'completed', now() - interval '100 days', now() - interval '100 days', now() - interval '91 days', 'ret'),
                   ('job_ret_run_week', 'recalculation', current_date - 8, 'manual', 'completed', now() - interval '8 days', now() - interval '8 days', now() - interval '8 days', 'ret'),
                   ('job_ret_run_new', 'recalculation', current_date - 1, 'manual', 'completed', now() - interval '1 day', now() - interval '1 day', now() - interval '1 day', 'ret');
            INSERT INTO analytics.batch_failures (run_id, subject_type, subject_id, role, analytic, error, at)
            VALUES ('job_ret_run_old', 'learner', 'ret-a', 'learner', 'velocity', 'X: y', now() - interval '91 days'),
                   ('job_ret_run_week', 'learner', 'ret-a', 'learner', 'velocity', 'X: y', now() - interval '8 days'),
                   ('job_ret_run_new', 'learner', 'ret-a', 'learner', 'velocity', 'X: y', now() - interval '1 day');
            """);
    }

    private static async Task<long> CountAsync(string sql) => await TestStore.ScalarAsync<long>(sql);

    private static async Task<string[]> SubjectsLeftAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(TestHost.ConnectionString);
        return (await Dapper.SqlMapper.QueryAsync<string>(connection,
            "SELECT subject_id FROM analytics.analytics_snapshots WHERE subject_id LIKE 'ret-%' ORDER BY 1")).ToArray();
    }
}
