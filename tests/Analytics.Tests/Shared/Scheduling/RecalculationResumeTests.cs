using Analytics.Api.Shared.Scheduling;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Shared.Scheduling;

/// <summary>
/// A run stopped after its first chunk continues after `resume_after` (DATA_MODEL.md §2): by its own instance, or by another one
/// once the first instance's heartbeat is older than the abandon threshold; never while that instance is alive; one nightly run
/// per day however many instances claim it at once.
/// </summary>
public sealed class RecalculationResumeTests
{
    private const string Organisation = "org-123";
    private const int ChunkSize = 20;

    [Test]
    public async Task Run_InterruptedAfterItsFirstChunk_ContinuesAfterResumeAfterAndCompletes()
    {
        var learners = await Recalculations.LearnersAsync(Organisation);
        var run = await QueueAsync("node-a");
        try
        {
            var interrupted = await InterruptAfterFirstChunkAsync(run.Id, "node-a");
            var stopped = await Recalculations.GetAsync(run.Id);
            var firstChunk = await VelocityTimesAsync(run.Id);

            var resumed = await Recalculations.Create(Recalculations.Settings("node-a", ChunkSize), Recalculations.Analytic("learner", "velocity"))
                .RunAsync(RecalculationRequest.Existing(run.Id, waitWhileBusy: false), CancellationToken.None);
            var times = await VelocityTimesAsync(run.Id);

            Assert.Multiple(() =>
            {
                Assert.That(interrupted.Result, Is.EqualTo(RecalculationResult.Interrupted));
                Assert.That(stopped.Status, Is.EqualTo("running"), "an interrupted run stays running, to be resumed");
                Assert.That(stopped.DoneSubjects, Is.EqualTo(ChunkSize));
                Assert.That(stopped.TotalSubjects, Is.EqualTo(learners.Count));
                Assert.That(stopped.ResumeAfter, Is.EqualTo($"learner|{learners[ChunkSize - 1]}|learner"));
                Assert.That(firstChunk.Keys, Is.EquivalentTo(learners.Take(ChunkSize)));

                Assert.That(resumed.Result, Is.EqualTo(RecalculationResult.Completed));
                Assert.That(resumed.Run!.Status, Is.EqualTo("completed"));
                Assert.That(resumed.Run.DoneSubjects, Is.EqualTo(learners.Count));
                Assert.That(resumed.Statistics!.Subjects, Is.EqualTo(learners.Count - ChunkSize));
                Assert.That(times.Keys, Is.EquivalentTo(learners), "every learner of the organisation has this run's velocity");
                foreach (var (subject, computedAt) in firstChunk)
                {
                    Assert.That(times[subject], Is.EqualTo(computedAt), $"{subject} kept its first computation");
                }
            });
        }
        finally
        {
            await Recalculations.AbandonAsync(run.Id);
        }
    }

    [Test]
    public async Task Run_OfADeadInstance_IsTakenOverOnlyOnceItsHeartbeatIsOld()
    {
        var learners = await Recalculations.LearnersAsync(Organisation);
        var run = await QueueAsync("node-dead");
        try
        {
            await InterruptAfterFirstChunkAsync(run.Id, "node-dead");
            var other = Recalculations.Create(Recalculations.Settings("node-b", ChunkSize), Recalculations.Analytic("learner", "velocity"));

            var whileAlive = await other.RunAsync(RecalculationRequest.Existing(run.Id, waitWhileBusy: false), CancellationToken.None);
            await TestStore.ExecuteAsync(
                "UPDATE analytics.batch_runs SET heartbeat_at = now() - interval '10 minutes' WHERE id = @id", new { id = run.Id });
            var takenOver = await other.RunAsync(RecalculationRequest.Existing(run.Id, waitWhileBusy: false), CancellationToken.None);

            Assert.Multiple(() =>
            {
                Assert.That(whileAlive.Result, Is.EqualTo(RecalculationResult.Busy), "its instance still beats");
                Assert.That(whileAlive.Run!.Instance, Is.EqualTo("node-dead"));
                Assert.That(takenOver.Result, Is.EqualTo(RecalculationResult.Completed));
                Assert.That(takenOver.Run!.Instance, Is.EqualTo("node-b"));
                Assert.That(takenOver.Run.DoneSubjects, Is.EqualTo(learners.Count), "continued from the dead instance's count");
                Assert.That(takenOver.Statistics!.Subjects, Is.EqualTo(learners.Count - ChunkSize), "not started over");
            });
        }
        finally
        {
            await Recalculations.AbandonAsync(run.Id);
        }
    }

    [Test]
    public async Task ClaimNightly_ByTwoInstancesAtOnce_CreatesOneRunThatOneOfThemOwns()
    {
        var day = new DateOnly(2025, 7, 1);
        var claims = await Task.WhenAll(
            Recalculations.Runs.ClaimNightlyAsync(day, "node-a", TimeSpan.FromMinutes(2), CancellationToken.None),
            Recalculations.Runs.ClaimNightlyAsync(day, "node-b", TimeSpan.FromMinutes(2), CancellationToken.None));
        var owner = claims.Single(c => c.Outcome == BatchRunClaimOutcome.Claimed).Run!;
        try
        {
            var rows = await TestStore.ScalarAsync<long>(
                "SELECT count(*) FROM analytics.batch_runs WHERE trigger = 'nightly' AND run_date = @day", new { day });
            await Recalculations.Runs.FinishAsync(owner.Id, owner.Instance!, "completed", null, CancellationToken.None);
            var afterCompletion = await Recalculations.Runs.ClaimNightlyAsync(day, "node-c", TimeSpan.FromMinutes(2), CancellationToken.None);

            Assert.Multiple(() =>
            {
                Assert.That(rows, Is.EqualTo(1));
                Assert.That(claims.Select(c => c.Outcome), Is.EquivalentTo(new[] { BatchRunClaimOutcome.Claimed, BatchRunClaimOutcome.Busy }));
                Assert.That(afterCompletion.Outcome, Is.EqualTo(BatchRunClaimOutcome.Completed));
                Assert.That(afterCompletion.Run!.Id, Is.EqualTo(owner.Id));
            });
        }
        finally
        {
            await Recalculations.AbandonAsync(owner.Id);
        }
    }

    private static async Task<BatchRunRow> QueueAsync(string instance) =>
        await Recalculations.Runs.CreateManualAsync(new RecalculationParameters(Organisation, ["velocity"]), null, instance, CancellationToken.None)
        ?? throw new InvalidOperationException("another recalculation is running");

    /// <summary>Runs with one-part chunks and cancels in the second call of velocity, i.e. in the second chunk.</summary>
    private static async Task<RecalculationOutcome> InterruptAfterFirstChunkAsync(string runId, string instance)
    {
        using var stop = new CancellationTokenSource();
        var interrupting = new InterceptedAnalytic(Recalculations.Analytic("learner", "velocity"), (call, token) =>
        {
            if (call == 2)
            {
                stop.Cancel();
                token.ThrowIfCancellationRequested();
            }
        });
        return await Recalculations.Create(Recalculations.Settings(instance, ChunkSize), interrupting)
            .RunAsync(RecalculationRequest.Existing(runId, waitWhileBusy: false), stop.Token);
    }

    private static async Task<Dictionary<string, string>> VelocityTimesAsync(string runId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(TestHost.ConnectionString);
        return (await Dapper.SqlMapper.QueryAsync<(string SubjectId, string ComputedAt)>(connection,
                "SELECT subject_id, computed_at::text FROM analytics.analytics_snapshots WHERE job_id = @runId AND analytic = 'velocity'",
                new { runId }))
            .ToDictionary(p => p.SubjectId, p => p.ComputedAt);
    }
}
