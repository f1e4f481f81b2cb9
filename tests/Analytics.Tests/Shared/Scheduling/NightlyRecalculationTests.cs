using System.Text.Json.Nodes;
using Analytics.Api.Shared.Scheduling;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Shared.Scheduling;

/// <summary>
/// One nightly run over the whole demo store (DATA_MODEL.md §2): its first execution dies on a fatal error in the second chunk,
/// a second execution on another instance resumes it after `resume_after` and completes it, and a third finds nothing to do.
/// </summary>
public sealed class NightlyRecalculationTests
{
    // A Wednesday: the closed periods are the ISO week from Monday 2025-06-09 and May 2025.
    private static readonly DateOnly RunDate = new(2025, 6, 18);
    private static readonly DateOnly ClosedWeek = new(2025, 6, 9);
    private static readonly DateOnly ClosedMonth = new(2025, 5, 1);
    private const int ChunkSize = 25;

    private RecalculationOutcome _failed = null!;
    private BatchRunRow _afterFailure = null!;
    private Dictionary<string, string> _firstChunk = null!;
    private RecalculationOutcome _completed = null!;
    private RecalculationOutcome _again = null!;

    [OneTimeSetUp]
    public async Task RunAsync()
    {
        // Velocity is computed per part (two parts per chunk): its third call is the first part of the second chunk.
        var dying = new InterceptedAnalytic(Recalculations.Analytic("learner", "velocity"), (call, _) =>
        {
            if (call >= 3)
            {
                throw new InvalidOperationException("probe: the instance breaks in the second chunk");
            }
        });
        _failed = await Recalculations.Create(Recalculations.Settings("nightly-a", ChunkSize, parallelism: 2), Recalculations.All(dying))
            .RunAsync(RecalculationRequest.Nightly(RunDate, waitWhileBusy: false), CancellationToken.None);
        _afterFailure = await Recalculations.GetAsync(_failed.Run!.Id);
        _firstChunk = (await SnapshotTimesAsync(_failed.Run.Id)).ToDictionary(p => p.SubjectId, p => p.ComputedAt);

        var resuming = Recalculations.Create(Recalculations.Settings("nightly-b", ChunkSize, parallelism: 2), Recalculations.All());
        _completed = await resuming.RunAsync(RecalculationRequest.Nightly(RunDate, waitWhileBusy: false), CancellationToken.None);
        _again = await resuming.RunAsync(RecalculationRequest.Nightly(RunDate, waitWhileBusy: false), CancellationToken.None);
    }

    [Test]
    public async Task Nightly_WhenTheSecondChunkFails_IsFailedWithTheFirstChunkCommitted()
    {
        var learners = await AllLearnersAsync();

        Assert.Multiple(() =>
        {
            Assert.That(_failed.Result, Is.EqualTo(RecalculationResult.Failed));
            Assert.That(_afterFailure.Status, Is.EqualTo("failed"));
            Assert.That(_afterFailure.Error, Does.StartWith("RECALCULATION_FAILED: InvalidOperationException: probe"));
            Assert.That(_afterFailure.DoneSubjects, Is.EqualTo(ChunkSize));
            Assert.That(_afterFailure.ResumeAfter, Is.EqualTo($"learner|{learners[ChunkSize - 1]}|learner"));
            Assert.That(_afterFailure.Trigger, Is.EqualTo("nightly"));
            Assert.That(_afterFailure.RunDate, Is.EqualTo(RunDate));
            Assert.That(_firstChunk.Keys, Is.EquivalentTo(learners.Take(ChunkSize)), "velocity of the committed chunk only");
        });
    }

    [Test]
    public async Task Nightly_RunAgain_ContinuesAfterResumeAfterWithoutRecomputingTheFirstChunk()
    {
        var run = _completed.Run!;
        var total = await TestStore.ScalarAsync<int>(
            """
            SELECT (SELECT count(*) FROM lrs.user_roles WHERE role = 'learner')
                 + (SELECT count(DISTINCT user_id) FROM lrs.course_trainers)
                 + (SELECT count(*) FROM lrs.organisations)
            """);
        var times = (await SnapshotTimesAsync(run.Id)).ToDictionary(p => p.SubjectId, p => p.ComputedAt);

        Assert.Multiple(() =>
        {
            Assert.That(_completed.Result, Is.EqualTo(RecalculationResult.Completed));
            Assert.That(run.Id, Is.EqualTo(_failed.Run!.Id), "the same run, not a new one");
            Assert.That(run.Status, Is.EqualTo("completed"));
            Assert.That(run.Instance, Is.EqualTo("nightly-b"));
            Assert.That(run.Error, Is.Null);
            Assert.That(run.TotalSubjects, Is.EqualTo(total));
            Assert.That(run.DoneSubjects, Is.EqualTo(total));
            Assert.That(run.FinishedAt, Is.Not.Null);
            Assert.That(_completed.Statistics!.Subjects, Is.EqualTo(total - ChunkSize), "the second execution did only the rest");
            foreach (var (subject, computedAt) in _firstChunk)
            {
                Assert.That(times[subject], Is.EqualTo(computedAt), $"{subject} was not computed again");
            }
        });
    }

    [Test]
    public async Task Nightly_WritesASnapshotWithTheRunsJobIdForEveryLearnerAndTrainerAnalytic()
    {
        var runId = _completed.Run!.Id;
        const string Missing =
            """
            WITH expected AS (
                SELECT 'learner' AS subject_type, r.user_id AS subject_id, 'learner' AS role, a.analytic
                FROM lrs.user_roles r CROSS JOIN unnest(@learnerAnalytics::text[]) AS a(analytic) WHERE r.role = 'learner'
                UNION ALL
                SELECT DISTINCT 'trainer', ct.user_id, 'trainer', a.analytic
                FROM lrs.course_trainers ct CROSS JOIN unnest(@trainerAnalytics::text[]) AS a(analytic)
            )
            SELECT count(*) FROM expected e
            WHERE (@organisationId::text IS NULL OR EXISTS (SELECT 1 FROM lrs.users u WHERE u.id = e.subject_id AND u.organisation_id = @organisationId))
              AND NOT EXISTS (SELECT 1 FROM analytics.analytics_snapshots s
                              WHERE s.subject_type = e.subject_type AND s.subject_id = e.subject_id AND s.role = e.role
                                AND s.analytic = e.analytic AND s.job_id = @runId)
              AND (@organisationId::text IS NOT NULL
                   OR NOT EXISTS (SELECT 1 FROM analytics.batch_failures f
                                  WHERE f.run_id = @runId AND f.subject_id = e.subject_id AND f.analytic = e.analytic))
            """;
        var learnerAnalytics = Recalculations.All().Where(a => a.SubjectType == "learner" && a.InNightlyRun).Select(a => a.Analytic).ToArray();
        var trainerAnalytics = Recalculations.All().Where(a => a.SubjectType == "trainer" && a.Stage == 1).Select(a => a.Analytic).ToArray();

        var missingAnywhere = await TestStore.ScalarAsync<long>(Missing, new { runId, learnerAnalytics, trainerAnalytics, organisationId = (string?)null });
        var missingInDemo = await TestStore.ScalarAsync<long>(Missing, new { runId, learnerAnalytics, trainerAnalytics, organisationId = "org-123" });

        Assert.Multiple(() =>
        {
            Assert.That(learnerAnalytics, Has.Length.EqualTo(8), "the six learner analytics, then peer comparison and forecast (stage 1); drop-off risk is computed on read");
            Assert.That(trainerAnalytics, Has.Length.EqualTo(4));
            Assert.That(missingAnywhere, Is.Zero, "every pair has a snapshot of this run or a batch_failures row");
            Assert.That(missingInDemo, Is.Zero, "every pair of the demo organisation has a snapshot of this run");
        });
    }

    [Test]
    public async Task Nightly_SameDayAgain_HasNothingToDoAndKeepsOneRowForTheDay()
    {
        var rows = await TestStore.ScalarAsync<long>(
            "SELECT count(*) FROM analytics.batch_runs WHERE kind = 'recalculation' AND trigger = 'nightly' AND run_date = @RunDate",
            new { RunDate });

        Assert.Multiple(() =>
        {
            Assert.That(_again.Result, Is.EqualTo(RecalculationResult.NothingToDo));
            Assert.That(_again.Run!.Id, Is.EqualTo(_completed.Run!.Id));
            Assert.That(rows, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Nightly_WritesTheClosedWeekAndMonthFromTheSnapshots()
    {
        var payload = JsonNode.Parse((await TestStore.ScalarAsync<string>(
            "SELECT payload::text FROM analytics.analytics_snapshots WHERE subject_type = 'learner' AND subject_id = 'learner-123' AND analytic = 'velocity'"))!)!.AsObject();
        var numbers = payload.Where(p => p.Value is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number)
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<decimal>());
        var week = JsonNode.Parse((await TestStore.ScalarAsync<string>(
            """
            SELECT jsonb_build_object('metrics', metrics, 'versions', definition_versions, 'source', source, 'degraded', degraded)::text
            FROM analytics.analytics_history
            WHERE period_type = 'week' AND period_start = @ClosedWeek AND subject_type = 'learner' AND subject_id = 'learner-123' AND role = 'learner'
            """, new { ClosedWeek }))!)!;
        var periods = await TestStore.ScalarAsync<string>(
            """
            SELECT string_agg(period_type || ' ' || period_start || ' ' || subjects, ', ' ORDER BY period_type DESC)
            FROM (SELECT period_type, period_start, count(*) AS subjects FROM analytics.analytics_history
                  WHERE period_start IN (@ClosedWeek, @ClosedMonth) GROUP BY 1, 2) AS p
            """, new { ClosedWeek, ClosedMonth });
        var subjects = await TestStore.ScalarAsync<long>(
            "SELECT count(DISTINCT (subject_type, subject_id)) FROM analytics.analytics_snapshots WHERE job_id = @id",
            new { id = _completed.Run!.Id });
        // Every history row holds, per analytic, exactly the top-level numbers of that subject's snapshot.
        var mismatches = await TestStore.ScalarAsync<long>(
            """
            SELECT count(*)
            FROM analytics.analytics_history h
            JOIN analytics.analytics_snapshots s ON s.subject_type = h.subject_type AND s.subject_id = h.subject_id AND s.role = h.role
            WHERE h.period_type = 'month' AND h.period_start = @ClosedMonth AND s.job_id = @id
              AND h.metrics -> s.analytic IS DISTINCT FROM
                  (SELECT coalesce(jsonb_object_agg(e.key, e.value), '{}') FROM jsonb_each(s.payload) e WHERE jsonb_typeof(e.value) = 'number')
            """, new { ClosedMonth, id = _completed.Run!.Id });

        var day = RunDate.AddDays(-1);
        var organisationDay = await TestStore.ScalarAsync<string>(
            """
            SELECT string_agg(k, ',' ORDER BY k)
            FROM analytics.analytics_history h
            CROSS JOIN jsonb_object_keys(h.metrics) AS k
            WHERE h.period_type = 'day' AND h.period_start = @day AND h.subject_type = 'organisation' AND h.subject_id = 'org-123'
              AND h.role = 'org-admin'
            """, new { day });
        var personDays = await TestStore.ScalarAsync<long>(
            "SELECT count(*) FROM analytics.analytics_history WHERE period_type = 'day' AND period_start = @day AND subject_type IN ('learner', 'trainer')",
            new { day });
        var organisationAnalytics = Recalculations.All().Where(a => a.SubjectType == "organisation").Select(a => a.Analytic).Order(StringComparer.Ordinal).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(numbers, Is.Not.Empty);
            Assert.That(week["metrics"]!["velocity"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<decimal>()), Is.EquivalentTo(numbers));
            Assert.That(week["metrics"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(Recalculations.All().Where(a => a.SubjectType == "learner" && a.InNightlyRun).Select(a => a.Analytic)));
            Assert.That(week["versions"]!["velocity"]!.GetValue<string>(), Is.EqualTo("velocity@1.0"));
            Assert.That(week["source"]!.GetValue<string>(), Is.EqualTo("demo"));
            Assert.That(week["degraded"]!.GetValue<bool>(), Is.False);
            Assert.That(periods, Is.EqualTo($"week 2025-06-09 {subjects}, month 2025-05-01 {subjects}"));
            Assert.That(mismatches, Is.Zero);
            Assert.That(organisationDay, Is.EqualTo(string.Join(',', organisationAnalytics)), "organisations also get the closed day");
            Assert.That(personDays, Is.Zero, "learners and trainers get weeks and months only");
        });
    }

    private static async Task<IReadOnlyList<string>> AllLearnersAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(TestHost.ConnectionString);
        return (await Dapper.SqlMapper.QueryAsync<string>(connection,
            "SELECT user_id FROM lrs.user_roles WHERE role = 'learner' ORDER BY user_id COLLATE \"C\"")).ToArray();
    }

    /// <summary>computed_at as text, to the microsecond.</summary>
    private static async Task<IReadOnlyList<(string SubjectId, string ComputedAt)>> SnapshotTimesAsync(string runId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(TestHost.ConnectionString);
        return (await Dapper.SqlMapper.QueryAsync<(string, string)>(connection,
            "SELECT subject_id, computed_at::text FROM analytics.analytics_snapshots WHERE job_id = @runId AND subject_type = 'learner' AND analytic = 'velocity'",
            new { runId })).ToArray();
    }
}
